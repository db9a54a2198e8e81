// Starting the student's server on the fixture site and talking HTTP to it: the steps every case is made of.
import path from 'node:path';
import {
  GradingFailure, HttpConnection, SECRET_TEXT, siteFile, timeout, type CaseContext, type HttpAnswer, type ReadOptions,
  type SiteFile,
} from '../../../../harness/index.ts';
import { get } from './requests.ts';

/** Starts the student's server with --root at the fixture site; returns its port. */
export async function startServer(t: CaseContext, root: string): Promise<number> {
  // The fixture around the root (its secret files, the site-private sibling) stays readable in the sandbox: a
  // traversal bug must be able to reach them, or the traversal cases could not catch it.
  const { port } = await t.start('server', { vars: { root }, readable: [path.dirname(root)] });
  return port;
}

/** Opens an HTTP connection to the server, closed when the case ends. */
export async function connect(t: CaseContext, port: number, label = ''): Promise<HttpConnection> {
  return t.http(port, { label });
}

/** Opens a connection, sends one request whole, and reads its answer. */
export async function ask(t: CaseContext, port: number, request: string, options: ReadOptions & { label?: string } = {}): Promise<HttpAnswer> {
  const connection = await connect(t, port, options.label);
  connection.write(request);
  return connection.read(request, options);
}

/** The media type of a Content-Type value, without parameters, lower-cased. */
export const mediaType = (value: string) => value.split(';')[0].trim().toLowerCase();

/**
 * Checks a 200 answer carrying `file`: status, Content-Length in bytes, Content-Type by extension, the body (GET).
 * Content-Length is judged only where the case is about it (`lengthRequired`); elsewhere an answer without it,
 * whose body ends with the connection, is read as RFC 9112 §6.3 lets a recipient read it.
 */
export function expectFile(answer: HttpAnswer, file: SiteFile, what?: string, options: { lengthRequired?: boolean } = {}): void {
  const isHead = answer.request.toString('latin1').startsWith('HEAD ');
  answer.expectStatus(200, { what, hint: `The file exists: the fixture site has ${file.file} under --root.` });
  if (options.lengthRequired || answer.field('Content-Length') !== undefined) expectContentLength(answer, file, what);
  answer.expectField('Content-Type', (value) => mediaType(value) === file.type,
    `${file.type}${file.type.startsWith('text/') ? ' (a charset parameter is fine)' : ''}`, {
      what,
      hint: 'The media type comes from the extension (see the table in README.md); anything not in the table is\n' +
        'application/octet-stream.',
    });
  if (!isHead) {
    answer.expectBody(file.bytes, {
      what,
      hint: 'Send the file\'s bytes exactly as they are on disk: read it without an encoding (a Buffer) and write\n' +
        'that Buffer; converting to a string and back changes bytes that are not valid UTF-8.',
    });
  }
}

/** Content-Length must be the file's size in bytes. */
function expectContentLength(answer: HttpAnswer, file: SiteFile, what?: string): void {
  answer.expectField('Content-Length', (value) => value === String(file.bytes.length), `${file.bytes.length}, the file's size in bytes`, {
    what,
    hint: 'Content-Length counts bytes, not characters: read the file as a Buffer (no encoding) and use its\n' +
      'length; a UTF-8 character may take 2 to 4 bytes.',
  });
}

/**
 * After something hostile, the server must still answer a plain request on a new connection. Any status line will
 * do: how the answer is framed, and whether it is right, are other cases' business (one cause, one deduction).
 */
export async function stillServes(t: CaseContext, port: number, after: string): Promise<void> {
  const program = t.studentProgram('server');
  if (program?.exitStatus) {
    throw new GradingFailure({
      summary: `your server stopped after ${after}`,
      hint: 'One bad request or one bad client must never stop the server: catch errors per connection\n' +
        '(socket.on("error", …), try/catch around the parsing) and keep listening.',
    });
  }
  const request = get('/hello.txt');
  const connection = await connect(t, port, '[a new client] ');
  connection.write(request);
  const lineEnd = () => connection.pending.indexOf(0x0a);
  await connection.waitFor(() => lineEnd() >= 0 || connection.closed, timeout('reply'));
  const statusLine = connection.pending.subarray(0, Math.max(0, lineEnd())).toString('latin1').replace(/\r$/, '');
  if (/^HTTP\/\d\.\d \d{3}( |$)/.test(statusLine)) return;
  throw connection.failure({
    summary: `after ${after}, a new client asked for /hello.txt and got ${connection.pending.length === 0
      ? (connection.closed ? 'no answer: the connection was closed' : `no answer within ${timeout('reply')} ms`)
      : 'no status line ("HTTP/1.1 200 OK")'}`,
    request: Buffer.from(request),
    ...(connection.pending.length > 0 ? { head: connection.pending.subarray(0, 4096), at: 0, note: 'expected a status line' } : {}),
    hint: 'One bad request or one bad client must never stop the server or leave it stuck.',
  });
}

/**
 * After an answer that must end with its head (HEAD, 304), no more bytes may come for a while. Closing the
 * connection is fine here: whether it stays open is judged by the connection cases.
 */
export async function expectNothingMore(connection: HttpConnection, request: string, why: string, hint?: string): Promise<void> {
  await connection.waitFor(() => connection.pending.length > 0, timeout('quiet'));
  if (connection.pending.length === 0) return;
  throw connection.failure({ summary: `${why}, but bytes arrived`, request: Buffer.from(request), head: connection.pending.subarray(0, 4096), at: 0, note: 'these bytes should not be here', hint });
}

/** Traversal must be refused: 400, 403 or 404, and nothing of the secret file outside the root in the answer. */
export function expectRefusedTraversal(answer: HttpAnswer): void {
  const leaked = answer.body.includes(SECRET_TEXT.slice(0, 20)) || /root:.*:0:0:/.test(answer.body.toString('latin1'));
  if (leaked || answer.status === 200) {
    answer.fail({
      summary: `${answer.requestLine} reached a file outside the web root and was answered ${answer.status}${leaked ? ' with its content' : ''}`,
      at: 'HTTP/1.1 '.length,
      note: 'expected 400, 403 or 404',
      hint: 'Decode the path first, then build the file name, then check it: resolve it to a real path\n' +
        '(fs.realpath follows symlinks) and refuse it unless it starts with the real path of --root plus "/".\n' +
        'Checking the raw target for ".." misses "%2e%2e", "%2f", absolute paths and symlinks.',
    });
  }
  answer.expectStatus([400, 403, 404], { hint: 'A path outside the root gets 400, 403 or 404.' });
}
