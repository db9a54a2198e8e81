// A static-file HTTP/1.1 server (Kurose & Ross 2.2; RFC 9110, RFC 9112) written on a bare TCP socket.
//
//   node server.js --port 8080 --root ./site
//
// TCP delivers a byte stream, not messages: one 'data' event may hold half a request or three of them. Each
// connection keeps the bytes it has received, takes complete requests off the front, and answers them one at a
// time, in order. The pieces: request-head.ts reads a head, static-files.ts finds the file, http-date.ts does dates.
import { readFile, realpath } from 'node:fs/promises';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { formatHttpDate, parseHttpDate } from './http-date.ts';
import { findHeadEnd, keepsAlive, parseRequestHead, type RequestHead } from './request-head.ts';
import { contentTypeOf, lookUp } from './static-files.ts';

const MAX_HEAD_BYTES = 64 * 1024; // a longer head is refused before it ends (RFC 9110 §15.5.20: 431)
const IDLE_MS = 30_000;           // a connection with nothing to do for this long is closed

const REASONS: Record<number, string> = {
  200: 'OK', 301: 'Moved Permanently', 304: 'Not Modified', 400: 'Bad Request', 403: 'Forbidden',
  404: 'Not Found', 405: 'Method Not Allowed', 431: 'Request Header Fields Too Large',
  500: 'Internal Server Error', 501: 'Not Implemented', 505: 'HTTP Version Not Supported',
};

interface Response { status: number; fields: Record<string, string>; body?: Buffer }

const { values } = parseArgs({ options: { port: { type: 'string' }, root: { type: 'string' } }, strict: false });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535 || typeof values.root !== 'string') {
  console.error('usage: server --port N --root DIR');
  process.exit(2);
}
// The real path of the root, so that every file found can be checked to be inside it.
const root = await realpath(values.root);

/** An error page: a status with a short text body, and any fields it needs (Allow, Location). */
function errorResponse(status: number, fields: Record<string, string> = {}): Response {
  const body = Buffer.from(`${status} ${REASONS[status]}\n`);
  return { status, fields: { ...fields, 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': String(body.length) }, body };
}

/** The answer to one well-formed request. */
async function answer(request: RequestHead): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return errorResponse(405, { Allow: 'GET, HEAD' });
  const found = await lookUp(root, request.target);
  if (found.status === 301) return errorResponse(301, { Location: found.location });
  if (found.status !== 200) return errorResponse(found.status);
  const lastModified = formatHttpDate(found.modified);
  // RFC 9110 §13.1.3: not modified when the file is not newer than the date, in whole seconds (a date has none less).
  const since = parseHttpDate(request.fields.get('if-modified-since')?.[0] ?? '');
  if (since !== undefined && Math.floor(found.modified.getTime() / 1000) <= since) {
    return { status: 304, fields: { 'Last-Modified': lastModified } };
  }
  const body = await readFile(found.file);
  return {
    status: 200,
    fields: { 'Content-Type': contentTypeOf(found.file), 'Content-Length': String(body.length), 'Last-Modified': lastModified },
    body,
  };
}

/** The bytes of a response. HEAD gets the same head as GET and no body; so do 304 responses (they have none). */
function serialize(response: Response, method: string, connection: 'close' | 'keep-alive' | undefined): Buffer {
  const lines = [`HTTP/1.1 ${response.status} ${REASONS[response.status]}`, `Date: ${formatHttpDate(new Date())}`];
  for (const [name, value] of Object.entries(response.fields)) lines.push(`${name}: ${value}`);
  if (connection) lines.push(`Connection: ${connection}`);
  const head = Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1');
  return method === 'HEAD' || !response.body ? head : Buffer.concat([head, response.body]);
}

/** Writes and waits until the bytes are handed to the kernel, so a slow reader slows only its own connection. */
function send(socket: net.Socket, bytes: Buffer): Promise<void> {
  return new Promise((resolve) => socket.write(bytes, () => resolve()));
}

/** What the bytes received so far hold next: a whole request, a head to refuse, or nothing yet. */
type Next = { request: RequestHead } | { refuse: number } | undefined;

/** One client connection: its bytes in, its answers out, one request at a time and in order. */
function serveConnection(socket: net.Socket): void {
  let received = Buffer.alloc(0);
  let current: RequestHead | undefined; // a head whose body is still arriving
  let bodyLeft = 0;
  let working = false;
  let closed = false;
  let clientEnded = false;

  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('data', (chunk: Buffer) => {
    if (closed) return; // after our last answer, whatever else comes is ignored
    received = Buffer.concat([received, chunk]);
    void work();
  });
  socket.on('end', () => { clientEnded = true; void work(); });
  // A client that resets or vanishes must never stop the server: log it and let the socket close.
  socket.on('error', (error) => console.error(`server: connection from port ${socket.remotePort}: ${error.message}`));
  socket.on('close', () => { closed = true; });

  function next(): Next {
    if (!current) {
      // RFC 9112 §2.2: empty lines before a request line are ignored.
      while (received[0] === 0x0a || (received[0] === 0x0d && received[1] === 0x0a)) received = received.subarray(received[0] === 0x0a ? 1 : 2);
      const found = findHeadEnd(received.subarray(0, MAX_HEAD_BYTES + 4));
      if (!found) return received.length > MAX_HEAD_BYTES ? { refuse: 431 } : undefined;
      const parsed = parseRequestHead(received.subarray(0, found.end).toString('latin1'));
      received = received.subarray(found.end + found.terminator);
      if (!parsed.ok) return { refuse: parsed.status };
      current = parsed.head;
      bodyLeft = current.bodyLength;
    }
    // The body is read and thrown away: this server has no use for it, but the next request starts after it.
    const skipped = Math.min(bodyLeft, received.length);
    received = received.subarray(skipped);
    bodyLeft -= skipped;
    if (bodyLeft > 0) return undefined;
    const request = current;
    current = undefined;
    return { request };
  }

  async function work(): Promise<void> {
    if (working || closed) return;
    working = true;
    try {
      for (let step = next(); step && !closed; step = next()) {
        if ('refuse' in step) {
          // After a malformed head the stream cannot be trusted: answer, then close (RFC 9112 §6.3, §9.6).
          await send(socket, serialize(errorResponse(step.refuse), 'GET', 'close'));
          closed = true;
          socket.end();
          return;
        }
        const keepOpen = keepsAlive(step.request);
        const connection = !keepOpen ? 'close' : step.request.minor === 0 ? 'keep-alive' : undefined;
        const response = await answer(step.request).catch((error: Error) => {
          console.error(`server: ${step.request.target}: ${error.message}`); // a file that vanished, a disk error
          return errorResponse(500);
        });
        await send(socket, serialize(response, step.request.method, connection));
        if (!keepOpen) {
          closed = true;
          socket.end();
          return;
        }
      }
      // The client has said all it will say, and everything it asked is answered: close our side too.
      if (clientEnded && !closed) {
        closed = true;
        socket.end();
      }
    } finally {
      working = false;
    }
  }
}

const server = net.createServer({ allowHalfOpen: true }, serveConnection);
server.listen(port, '127.0.0.1', () => console.error(`server: serving ${root} on http://127.0.0.1:${port}/`));
