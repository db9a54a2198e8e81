// A reader of HTTP/1.1 responses (RFC 9112 §4–§7) for the grader: pure, byte-exact, and able to say where in the
// bytes a response stops being valid, so a failure can put a caret there. It reads as leniently as the RFC lets a
// recipient (a bare LF ends a line, RFC 9112 §2.2) and records what it forgave, so that one dedicated case judges it.

/** One header field line as it arrived, with where it starts in the head (for a caret). */
export interface FieldLine { name: string; value: string; at: number }

/** A complete response and how its end was found. */
export interface HttpResponse {
  version: string;
  status: number;
  reason: string;
  fields: FieldLine[];
  /** The raw head: status line, field lines and the empty line. */
  head: Buffer;
  body: Buffer;
  /** How the body's end was known: no body allowed, Content-Length, chunked, or the connection's close. */
  framing: 'none' | 'content-length' | 'chunked' | 'close';
  /** Where in the head a line ended with a bare LF instead of CRLF (forgiven here, judged by its own case). */
  bareLineFeeds: number[];
}

export type ParseOutcome =
  | { state: 'incomplete'; waitingFor: string }
  | { state: 'invalid'; at: number; problem: string }
  | { state: 'complete'; response: HttpResponse; length: number };

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const STATUS_LINE = /^(HTTP\/\d\.\d) (\d{3})(?: ([\t\x20-\x7e\x80-\xff]*))?$/;
const MAX_HEAD = 64 * 1024;

/** The values of a field, by case-insensitive name (RFC 9110 §5.1), in the order they came. */
export function fieldValues(response: Pick<HttpResponse, 'fields'>, name: string): string[] {
  const lower = name.toLowerCase();
  return response.fields.filter((field) => field.name.toLowerCase() === lower).map((field) => field.value);
}

/** The first field line of that name, or undefined. */
export function findField(response: Pick<HttpResponse, 'fields'>, name: string): FieldLine | undefined {
  const lower = name.toLowerCase();
  return response.fields.find((field) => field.name.toLowerCase() === lower);
}

/**
 * Splits the head into lines. CRLF ends a line, and so does a bare LF (RFC 9112 §2.2: a recipient MAY recognize
 * it); where one was forgiven is returned in `bareLineFeeds`. A CR not followed by LF is an error at its byte.
 */
function headLines(bytes: Buffer): { lines: Array<{ text: string; at: number }>; end: number; bareLineFeeds: number[] } | { at: number; problem: string } | undefined {
  const lines: Array<{ text: string; at: number }> = [];
  const bareLineFeeds: number[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length && i <= MAX_HEAD; i++) {
    let next: number;
    if (bytes[i] === 0x0a) {
      bareLineFeeds.push(i);
      next = i + 1;
    } else if (bytes[i] === 0x0d) {
      if (i + 1 >= bytes.length) return undefined;
      if (bytes[i + 1] !== 0x0a) return { at: i, problem: 'a CR not followed by LF' };
      next = i + 2;
    } else {
      continue;
    }
    if (i === start) return { lines, end: next, bareLineFeeds };
    lines.push({ text: bytes.subarray(start, i).toString('latin1'), at: start });
    start = next;
    i = next - 1;
  }
  if (bytes.length > MAX_HEAD) return { at: MAX_HEAD, problem: 'more than 64 KiB of response head without the empty line that ends it' };
  return undefined;
}

/** Reads one response from the front of `bytes`, sent in answer to `method`; `ended` says the connection closed. */
export function parseResponse(bytes: Buffer, method: string, ended: boolean): ParseOutcome {
  const prefix = bytes.subarray(0, 5).toString('latin1');
  if (!'HTTP/'.startsWith(prefix)) return { state: 'invalid', at: 0, problem: 'a response starts with "HTTP/", its status line' };
  const split = headLines(bytes);
  if (split === undefined) return { state: 'incomplete', waitingFor: 'the end of the response head (an empty line, "\\r\\n\\r\\n")' };
  if ('problem' in split) return { state: 'invalid', ...split };
  const [statusLine, ...fieldLines] = split.lines;
  if (!statusLine) return { state: 'invalid', at: 0, problem: 'the head has no status line' };
  const status = STATUS_LINE.exec(statusLine.text);
  if (!status) return { state: 'invalid', at: 0, problem: 'the status line is not "HTTP/1.1 <3-digit code> <reason>"' };
  const fields: FieldLine[] = [];
  for (const line of fieldLines) {
    if (line.text.startsWith(' ') || line.text.startsWith('\t')) {
      return { state: 'invalid', at: line.at, problem: 'a line starting with a space (obsolete line folding, RFC 9112 §5.2)' };
    }
    const colon = line.text.indexOf(':');
    const name = colon < 0 ? '' : line.text.slice(0, colon);
    if (!TOKEN.test(name)) {
      return { state: 'invalid', at: line.at + Math.max(0, colon < 0 ? line.text.length : colon - 1), problem: colon < 0 ? 'a header line without a colon' : 'a header name that is not a token (a space before the colon?)' };
    }
    fields.push({ name, value: line.text.slice(colon + 1).replace(/^[ \t]+|[ \t]+$/g, ''), at: line.at });
  }
  const head = bytes.subarray(0, split.end);
  const response = { version: status[1], status: Number(status[2]), reason: status[3] ?? '', fields, head, bareLineFeeds: split.bareLineFeeds };
  return readBody(bytes, split.end, response, method, ended);
}

function readBody(bytes: Buffer, start: number, response: Omit<HttpResponse, 'body' | 'framing'>, method: string, ended: boolean): ParseOutcome {
  const complete = (framing: HttpResponse['framing'], body: Buffer, length: number): ParseOutcome =>
    ({ state: 'complete', response: { ...response, body, framing }, length });
  // RFC 9112 §6.3: HEAD answers, 1xx, 204 and 304 end with their head, whatever Content-Length says.
  if (method === 'HEAD' || response.status === 204 || response.status === 304 || response.status < 200) {
    return complete('none', Buffer.alloc(0), start);
  }
  const codings = fieldValues(response, 'transfer-encoding');
  const lengths = fieldValues(response, 'content-length');
  if (codings.length > 0) {
    const at = response.fields.find((f) => /^transfer-encoding$/i.test(f.name))!.at;
    if (lengths.length > 0) return { state: 'invalid', at, problem: 'both Transfer-Encoding and Content-Length (RFC 9112 §6.2 forbids it)' };
    if (codings.join(',').trim().toLowerCase() !== 'chunked') return { state: 'invalid', at, problem: 'a Transfer-Encoding other than chunked' };
    return readChunked(bytes, start, complete);
  }
  if (lengths.length > 0) {
    const items = lengths.flatMap((value) => value.split(',')).map((item) => item.trim());
    const at = response.fields.find((f) => /^content-length$/i.test(f.name))!.at;
    if (!items.every((item) => /^\d+$/.test(item)) || new Set(items).size !== 1) {
      return { state: 'invalid', at, problem: 'Content-Length is not one decimal number' };
    }
    const length = Number(items[0]);
    if (bytes.length - start < length) return { state: 'incomplete', waitingFor: `the rest of the body: ${length} bytes announced by Content-Length, ${bytes.length - start} arrived` };
    return complete('content-length', bytes.subarray(start, start + length), start + length);
  }
  // No length at all: the body runs until the server closes the connection (RFC 9112 §6.3, item 8).
  if (!ended) return { state: 'incomplete', waitingFor: 'the end of a body with no Content-Length, which only a closed connection marks' };
  return complete('close', bytes.subarray(start), bytes.length);
}

function readChunked(bytes: Buffer, start: number, complete: (framing: 'chunked', body: Buffer, length: number) => ParseOutcome): ParseOutcome {
  const chunks: Buffer[] = [];
  let at = start;
  const waiting: ParseOutcome = { state: 'incomplete', waitingFor: 'the rest of a chunked body (up to its last, empty chunk)' };
  for (;;) {
    const lineEnd = bytes.indexOf('\r\n', at);
    if (lineEnd < 0) return waiting;
    const size = /^([0-9a-fA-F]+)(;.*)?$/.exec(bytes.subarray(at, lineEnd).toString('latin1'));
    if (!size) return { state: 'invalid', at, problem: 'a chunk size line that is not hexadecimal' };
    const length = parseInt(size[1], 16);
    if (length === 0) {
      // Trailer fields, then an empty line.
      let trailer = lineEnd + 2;
      for (;;) {
        const end = bytes.indexOf('\r\n', trailer);
        if (end < 0) return waiting;
        if (end === trailer) return complete('chunked', Buffer.concat(chunks), end + 2);
        trailer = end + 2;
      }
    }
    const dataEnd = lineEnd + 2 + length;
    if (bytes.length < dataEnd + 2) return waiting;
    if (bytes[dataEnd] !== 0x0d || bytes[dataEnd + 1] !== 0x0a) return { state: 'invalid', at: dataEnd, problem: 'a chunk not followed by CRLF' };
    chunks.push(bytes.subarray(lineEnd + 2, dataEnd));
    at = dataEnd + 2;
  }
}
