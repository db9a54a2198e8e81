// Starting the student's server on the fixture site and talking HTTP to it: the steps every case is made of.
import {
  GradingFailure, HttpConnection, SECRET_TEXT, siteFile, type CaseContext, type HttpAnswer, type ReadOptions,
  type SiteFile,
} from '../../../../harness/index.ts';
import { get } from './requests.ts';

/** Starts the student's server with --root at the fixture site; returns its port. */
export async function startServer(t: CaseContext, root: string): Promise<number> {
  const { port } = await t.start('server', { vars: { root } });
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

/** Checks a 200 answer carrying `file`: status, Content-Length in bytes, Content-Type by extension, the body (GET). */
export function expectFile(answer: HttpAnswer, file: SiteFile, what?: string): void {
  const isHead = answer.request.toString('latin1').startsWith('HEAD ');
  answer.expectStatus(200, { what, hint: `The file exists: the fixture site has ${file.file} under --root.` });
  answer.expectField('Content-Length', (value) => value === String(file.bytes.length), `${file.bytes.length}, the file's size in bytes`, {
    what,
    hint: 'Content-Length counts bytes, not characters: read the file as a Buffer (no encoding) and use its\n' +
      'length; a UTF-8 character may take 2 to 4 bytes.',
  });
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

/** After something hostile, the server must still answer a plain request on a new connection. */
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
  const answer = await ask(t, port, request, {
    label: '[a new client] ',
    what: `after ${after}, a new client asked for /hello.txt`,
    hint: 'One bad request or one bad client must never stop the server or leave it stuck.',
  });
  expectFile(answer, siteFile('/hello.txt'), `after ${after}, a new client asked for /hello.txt`);
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
