// TCP is a byte stream: requests arrive whole, byte by byte, in pieces, pipelined, and with bodies to skip
// (RFC 9112 §2, §6.3, §9.3.2). Nothing may be answered before its request is complete.
import { exerciseSuite, scaled, siteFile } from '../../../harness/index.ts';
import { connect, expectFile, startServer } from './support/exchange.ts';
import { get, head } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Message framing' });
const site = useSite();

const STREAM_HINT = 'One read from a TCP socket may hold part of a request, or several: keep the bytes in a buffer, answer\n' +
  'only when the empty line that ends a head has arrived, and keep what follows for the next request.';

suite.case({ id: 'request-byte-by-byte', level: 'rfc', name: 'a request sent one byte at a time is answered once complete, and not before', points: 3, reference: 'RFC 9112 §2.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const request = get('/hello.txt');
  await connection.writeSlowly([...request.slice(0, -1)], scaled(5));
  await connection.expectQuiet(request.slice(0, -1), 'the request is not complete until its last byte', STREAM_HINT);
  connection.write(request.slice(-1));
  expectFile(await connection.read(request, { hint: STREAM_HINT }), siteFile('/hello.txt'), 'after the last byte');
});

suite.case({ id: 'partial-request-gets-nothing', level: 'rfc', name: 'a head without its empty line gets no bytes until the line comes', points: 2, reference: 'RFC 9112 §2.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const parts = ['GET /hel', 'lo.txt HTTP/1.1\r\nHost: socklab.test\r\n', '\r\n'];
  connection.write(parts[0]);
  await connection.expectQuiet(parts[0], 'half a request line is not a request', STREAM_HINT);
  connection.write(parts[1]);
  await connection.expectQuiet(parts[0] + parts[1], 'a head is not complete before its empty line', STREAM_HINT);
  connection.write(parts[2]);
  expectFile(await connection.read(parts.join(''), { hint: STREAM_HINT }), siteFile('/hello.txt'), 'after the empty line');
});

suite.case({ id: 'pipelined-in-order', level: 'rfc', name: 'five requests in one write are answered in order (large, small, HEAD, 404, binary)', points: 3, reference: 'RFC 9112 §9.3.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const requests = [get('/large.bin'), get('/hello.txt'), head('/utf8.txt'), get('/no-such-file.txt'), get('/bytes.bin')];
  connection.write(requests.join(''));
  const hint = `Pipelined requests are answered one after the other, in the order they came (RFC 9112 §9.3.2): finish\n` +
    `writing one answer before starting the next, even when a later file is read faster.\n${STREAM_HINT}`;
  const what = (n: number) => `answer ${n + 1} of 5 pipelined requests`;
  expectFile(await connection.read(requests[0], { hint, what: what(0), timeoutMs: scaled(8000) }), siteFile('/large.bin'), what(0));
  expectFile(await connection.read(requests[1], { hint, what: what(1) }), siteFile('/hello.txt'), what(1));
  expectFile(await connection.read(requests[2], { hint, what: what(2) }), siteFile('/utf8.txt'), what(2));
  (await connection.read(requests[3], { hint, what: what(3) })).expectStatus(404, { what: what(3), hint });
  expectFile(await connection.read(requests[4], { hint, what: what(4) }), siteFile('/bytes.bin'), what(4));
});

suite.case({ id: 'pipelined-split-anywhere', level: 'rfc', name: 'pipelined requests cut at random places into pieces are answered in order', points: 2, reference: 'RFC 9112 §9.3.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const urlPaths = ['/hello.txt', '/style.css', '/docs/index.html', '/data.json'];
  const requests = urlPaths.map((urlPath) => get(urlPath));
  const whole = requests.join('');
  const cuts = [...new Set(Array.from({ length: 5 }, () => t.random.int(1, whole.length - 1)))].sort((a, b) => a - b);
  const pieces = [0, ...cuts].map((start, index) => whole.slice(start, [...cuts, whole.length][index]));
  await connection.writeSlowly(pieces, scaled(30));
  for (const [index, urlPath] of urlPaths.entries()) {
    const what = `answer ${index + 1} of 4 pipelined requests sent in ${pieces.length} pieces`;
    expectFile(await connection.read(requests[index], { hint: STREAM_HINT, what }), siteFile(urlPath), what);
  }
});

suite.case({ id: 'request-body-skipped', level: 'rfc', name: 'a body announced by Content-Length is read and skipped, not taken for a request', points: 2, reference: 'RFC 9112 §6.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const first = get('/hello.txt', { body: 'GET /utf8.txt HTTP/1.1\r\nHost: socklab.test\r\n\r\n' });
  const second = get('/style.css');
  connection.write(first + second);
  const hint = 'A request with Content-Length: N is followed by N bytes of body, which belong to it: read them and\n' +
    'throw them away; the next request starts after them. This body looks like a request, and is not one.';
  expectFile(await connection.read(first, { hint, what: 'the request with a body' }), siteFile('/hello.txt'), 'the request with a body');
  expectFile(await connection.read(second, { hint, what: 'the request after the body' }), siteFile('/style.css'), 'the request after the body');
  await connection.expectQuiet(first + second, 'two requests were sent, so two answers are due', hint);
});

suite.case({ id: 'request-body-in-pieces', level: 'rfc', name: 'a body arriving in later segments is skipped before the next request', points: 2, reference: 'RFC 9112 §6.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const body = `name=${t.random.string(20)}`;
  const first = get('/utf8.txt', { body });
  const headEnd = first.indexOf('\r\n\r\n') + 4;
  const second = get('/hello.txt');
  const hint = 'The body may come in later segments than its head: keep skipping until Content-Length bytes have\npassed, then read the next request.';
  await connection.writeSlowly([first.slice(0, headEnd), body.slice(0, 7), body.slice(7) + second], scaled(60));
  expectFile(await connection.read(first, { hint, what: 'the request whose body came in two later pieces' }), siteFile('/utf8.txt'), 'the request with a body');
  expectFile(await connection.read(second, { hint, what: 'the request after the body' }), siteFile('/hello.txt'), 'the request after the body');
});
