// GET and HEAD of the fixture site's files (RFC 9110 §9.3.1, §9.3.2, §8.3, §8.6, §8.8.2, §6.6.1).
import { exerciseSuite, scaled, SITE_FILES, SITE_MODIFIED, siteFile } from '../../../harness/index.ts';
import { ask, connect, expectFile, startServer } from './support/exchange.ts';
import { get, head } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'GET and HEAD' });
const site = useSite();

suite.case({ id: 'get-text-file', level: 'core', name: 'GET of a text file: 200, HTTP/1.1, Content-Length, Content-Type and the bytes', points: 3, reference: 'RFC 9110 §9.3.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const answer = await ask(t, port, get('/hello.txt'));
  if (answer.response.version !== 'HTTP/1.1') {
    answer.fail({ summary: `an HTTP/1.1 request was answered as ${answer.response.version}`, at: 0, note: 'expected HTTP/1.1', hint: 'Start every response with "HTTP/1.1 <code> <reason>\\r\\n".' });
  }
  expectFile(answer, siteFile('/hello.txt'));
});

suite.case({ id: 'get-index-html', level: 'core', name: 'GET / serves the root folder\'s index.html as text/html', points: 2, reference: 'RFC 9110 §9.3.1' }, async (t) => {
  const port = await startServer(t, site.root);
  expectFile(await ask(t, port, get('/')), siteFile('/index.html'), 'GET / (the root folder, with its slash)');
});

suite.case({ id: 'content-type-by-extension', level: 'rfc', name: 'Content-Type follows the extension for every type of the table', points: 3, reference: 'RFC 9110 §8.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const files = SITE_FILES.filter((file) => !file.urlPath.endsWith('.bin') && !file.urlPath.includes('%'));
  for (const file of files) {
    const request = get(file.urlPath);
    connection.write(request);
    expectFile(await connection.read(request), file, `GET ${file.urlPath}`);
  }
});

suite.case({ id: 'utf8-content-length-in-bytes', level: 'rfc', name: 'a UTF-8 text file: Content-Length counts bytes, not characters', points: 2, reference: 'RFC 9110 §8.6' }, async (t) => {
  const port = await startServer(t, site.root);
  expectFile(await ask(t, port, get('/utf8.txt')), siteFile('/utf8.txt'));
});

suite.case({ id: 'binary-all-byte-values', level: 'rfc', name: 'a binary file holding all 256 byte values arrives byte for byte', points: 2, reference: 'RFC 9110 §8.6' }, async (t) => {
  const port = await startServer(t, site.root);
  expectFile(await ask(t, port, get('/bytes.bin')), siteFile('/bytes.bin'));
});

suite.case({ id: 'large-file-whole', level: 'rfc', name: 'a 1 MiB file arrives whole, byte for byte', points: 2, reference: 'RFC 9112 §6.2' }, async (t) => {
  const port = await startServer(t, site.root);
  expectFile(await ask(t, port, get('/large.bin'), { timeoutMs: scaled(8000) }), siteFile('/large.bin'));
});

suite.case({ id: 'percent-decoding', level: 'rfc', name: 'the path is percent-decoded once: non-ASCII names, spaces, %25', points: 2, reference: 'RFC 9112 §3.2; RFC 3986 §2.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'Decode the path once with decodeURIComponent (Python: urllib.parse.unquote) before looking the file\n' +
    'up; decoding twice turns "%2541" into "A" instead of "%41".';
  for (const urlPath of ['/caf%C3%A9.txt', '/with%20space.txt', '/100%25.txt']) {
    expectFile(await ask(t, port, get(urlPath), { hint }), siteFile(urlPath), `GET ${urlPath}`);
  }
  expectFile(await ask(t, port, get('/hello%2Etxt')), siteFile('/hello.txt'), 'GET /hello%2Etxt (an encoded dot)');
});

suite.case({ id: 'query-ignored', level: 'rfc', name: 'the query is ignored: /hello.txt?… serves hello.txt', points: 1, reference: 'RFC 9112 §3.2.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const answer = await ask(t, port, get('/hello.txt?lang=fr&next=/docs/'), { hint: 'Cut the target at the first "?" before decoding it.' });
  expectFile(answer, siteFile('/hello.txt'), 'GET /hello.txt?lang=fr&next=/docs/');
});

suite.case({ id: 'head-same-as-get', level: 'core', name: 'HEAD: the same status and header fields as GET, and no body', points: 3, reference: 'RFC 9110 §9.3.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const hint = 'HEAD is GET without the body: same status line and header fields (Content-Length is the file\'s\n' +
    'size), then nothing. Bytes after the head would be read as the start of the next response.';
  for (const urlPath of ['/utf8.txt', '/pixel.png']) {
    const request = head(urlPath);
    connection.write(request);
    const answer = await connection.read(request, { hint });
    expectFile(answer, siteFile(urlPath), `HEAD ${urlPath}`);
    answer.expectField('Last-Modified', (value) => value === SITE_MODIFIED.toUTCString(), SITE_MODIFIED.toUTCString(), { hint });
    await connection.expectQuiet(request, `nothing may follow the head of the answer to HEAD ${urlPath}`, hint);
  }
});

suite.case({ id: 'head-missing-file', level: 'core', name: 'HEAD of a missing file: 404 and no body', points: 1, reference: 'RFC 9110 §9.3.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const request = head('/no-such-file.txt');
  connection.write(request);
  (await connection.read(request)).expectStatus(404);
  await connection.expectQuiet(request, 'nothing may follow the head of a HEAD answer, not even an error page',
    'An error answer to HEAD has a head only, like every answer to HEAD.');
});

suite.case({ id: 'date-and-last-modified', level: 'rfc', name: 'Date is now and Last-Modified the file\'s time, both as IMF-fixdate', points: 2, reference: 'RFC 9110 §6.6.1, §8.8.2, §5.6.7' }, async (t) => {
  const port = await startServer(t, site.root);
  const answer = await ask(t, port, get('/hello.txt'));
  answer.expectStatus(200);
  const imf = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;
  const hint = 'Both are IMF-fixdate, e.g. "Sun, 05 Nov 2023 08:49:37 GMT": in Node, date.toUTCString(); in Python,\n' +
    'email.utils.formatdate(t, usegmt=True). Last-Modified is the file\'s mtime (fs.stat).';
  answer.expectField('Date', (value) => imf.test(value) && Math.abs(Date.parse(value) - Date.now()) < 120_000,
    'the current time as IMF-fixdate', { hint });
  answer.expectField('Last-Modified', (value) => value === SITE_MODIFIED.toUTCString(), `${SITE_MODIFIED.toUTCString()} (the file's mtime)`, { hint });
});
