// Reading one HTTP/1.1 request head (RFC 9112 §2–§6): pure functions, no sockets, so you can test them alone.

/** A request head that passed every check: what the rest of the server needs to answer it. */
export interface RequestHead {
  method: string;
  /** The request-target as sent: a path and maybe a query, still percent-encoded. */
  target: string;
  /** The minor version: 0 for HTTP/1.0; 1 and above are all answered as HTTP/1.1. */
  minor: number;
  /** Field values by lower-case name (names are case-insensitive, RFC 9110 §5.1), in the order received. */
  fields: Map<string, string[]>;
  /** Bytes of body that follow the head (Content-Length), to be read and discarded. */
  bodyLength: number;
}

/** Either a head to answer, or the status a malformed or unsupported one gets. */
export type ParsedHead =
  | { ok: true; head: RequestHead }
  | { ok: false; status: 400 | 501 | 505; why: string };

/** Where the head ends in `bytes`: the index of the empty line and its length, or undefined while it is incomplete. */
export function findHeadEnd(bytes: Buffer): { end: number; terminator: number } | undefined {
  // TODO 1: find the first empty line: "\r\n\r\n" (a bare "\n\n" may be accepted too). Return where it starts and
  //         how many bytes it takes, or undefined when it has not arrived yet.
  void bytes;
  return undefined;
}

/** Checks a whole head (without its empty line) and returns what it asks for, or why it cannot be answered. */
export function parseRequestHead(text: string): ParsedHead {
  // TODO 2: the request line is METHOD SP TARGET SP HTTP/D.D exactly: the method a token, the target starting
  //         with "/" and without spaces or control bytes, the version "HTTP/" digit "." digit. Otherwise 400.
  //         A major version other than 1: 505.
  // TODO 3: each header line is "Name: value": a name of token characters directly followed by ":" (a space before
  //         the colon is 400), then the value without the spaces and tabs around it. Store names lower-cased.
  // TODO 4: HTTP/1.1 needs exactly one Host; no request may have two: 400.
  // TODO 5: Content-Length must be digits (all values equal when there are several): else 400.
  void text;
  return { ok: false, status: 400, why: 'not written yet' };
}

/** Whether the connection stays open after this request (RFC 9112 §9.3). */
export function keepsAlive(head: RequestHead): boolean {
  // TODO 6: Connection is a comma-separated list of options, in any case. "close" closes; otherwise HTTP/1.1
  //         stays open and HTTP/1.0 stays open only with "keep-alive".
  void head;
  return false;
}
