// Reading one HTTP/1.1 request head (RFC 9112 §2–§6). Pure functions: no sockets here, only text in, a verdict out.

/** A request head that passed every check: what the rest of the server needs to answer it. */
export interface RequestHead {
  method: string;
  /** The request-target as sent: a path and maybe a query, still percent-encoded. */
  target: string;
  /** The minor version: 0 for HTTP/1.0; 1 and above are all answered as HTTP/1.1. */
  minor: number;
  /** Field values by lower-case name (field names are case-insensitive, RFC 9110 §5.1), in the order received. */
  fields: Map<string, string[]>;
  /** Bytes of body that follow the head (Content-Length), to be read and discarded. */
  bodyLength: number;
}

/** Either a head to answer, or the status a malformed or unsupported one gets. */
export type ParsedHead =
  | { ok: true; head: RequestHead }
  | { ok: false; status: 400 | 501 | 505; why: string };

// A method is a token (RFC 9110 §5.6.2); the target is in origin-form, a path of visible ASCII (RFC 9112 §3.2.1).
const REQUEST_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+) (\/[\x21-\x7e]*) HTTP\/(\d)\.(\d)$/;
// field-line = field-name ":" OWS field-value OWS (RFC 9112 §5); no space is allowed before the colon.
const FIELD_LINE = /^([!#$%&'*+\-.^_`|~0-9A-Za-z]+):[ \t]*(.*?)[ \t]*$/;
// A field value holds visible characters, spaces and tabs; any other control byte makes the line invalid.
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f]/;

const bad = (why: string): ParsedHead => ({ ok: false, status: 400, why });

/** Where the head ends in `bytes`: the index of the empty line and its length, or undefined while it is incomplete. */
export function findHeadEnd(bytes: Buffer): { end: number; terminator: number } | undefined {
  // A line ends with CRLF; a bare LF is recognised too (RFC 9112 §2.2 allows it).
  const match = /\r?\n\r?\n/.exec(bytes.toString('latin1'));
  return match ? { end: match.index, terminator: match[0].length } : undefined;
}

/** Checks a whole head (without its empty line) and returns what it asks for, or why it cannot be answered. */
export function parseRequestHead(text: string): ParsedHead {
  const [requestLine, ...fieldLines] = text.split(/\r?\n/);
  const request = REQUEST_LINE.exec(requestLine);
  if (!request) return bad(`malformed request line ${JSON.stringify(requestLine)}`);
  const [, method, target, major, minor] = request;
  if (major !== '1') return { ok: false, status: 505, why: `HTTP/${major}.${minor} is not supported` };

  const fields = new Map<string, string[]>();
  for (const line of fieldLines) {
    const field = FIELD_LINE.exec(line);
    if (!field || CONTROL.test(field[2])) return bad(`malformed header line ${JSON.stringify(line)}`);
    const name = field[1].toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), field[2]]);
  }

  // RFC 9112 §3.2: an HTTP/1.1 request has exactly one Host; no request may have two.
  const hosts = fields.get('host') ?? [];
  if (hosts.length > 1 || (minor !== '0' && hosts.length === 0)) return bad(`${hosts.length} Host header fields`);

  // This small server reads bodies by Content-Length only (RFC 9112 §6.1: 501 for a coding it does not know).
  if (fields.has('transfer-encoding')) return { ok: false, status: 501, why: 'Transfer-Encoding is not supported' };
  const bodyLength = parseContentLength(fields.get('content-length') ?? []);
  if (bodyLength === undefined) return bad('invalid Content-Length');

  return { ok: true, head: { method, target, minor: Number(minor), fields, bodyLength } };
}

/** The body length from every Content-Length value: all must be the same run of digits (RFC 9112 §6.3). */
function parseContentLength(values: string[]): number | undefined {
  const lengths = values.flatMap((value) => value.split(',')).map((item) => item.trim());
  if (lengths.length === 0) return 0;
  if (!lengths.every((item) => /^\d{1,15}$/.test(item))) return undefined;
  return new Set(lengths.map(Number)).size === 1 ? Number(lengths[0]) : undefined;
}

/** Whether the connection stays open after this request (RFC 9112 §9.3). */
export function keepsAlive(head: RequestHead): boolean {
  const options = (head.fields.get('connection') ?? [])
    .flatMap((value) => value.split(','))
    .map((option) => option.trim().toLowerCase());
  if (options.includes('close')) return false;
  return head.minor >= 1 || options.includes('keep-alive');
}
