// Persistent and closing connections, many clients, silent and vanishing ones (RFC 9112 §9).
import { exerciseSuite, GradingFailure, scaled, siteFile, sleep } from '../../../harness/index.ts';
import { connect, expectFile, startServer, stillServes } from './support/exchange.ts';
import { get } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Connections' });
const site = useSite();

const PERSIST_HINT = 'RFC 9112 §9.3: an HTTP/1.1 connection stays open after an answer unless the request said\n' +
  '"Connection: close"; an HTTP/1.0 one closes unless it said "Connection: keep-alive". The Connection value is\n' +
  'a comma-separated list of options, in any case.';

suite.case({ id: 'http11-keeps-alive', level: 'rfc', name: 'HTTP/1.1: three requests in turn on one connection, which stays open', points: 2, reference: 'RFC 9112 §9.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  for (const urlPath of ['/hello.txt', '/pixel.png', '/utf8.txt']) {
    const request = get(urlPath);
    connection.write(request);
    expectFile(await connection.read(request, { hint: PERSIST_HINT }), siteFile(urlPath), `GET ${urlPath} on the same connection`);
  }
  await connection.expectQuiet(get('/utf8.txt'), 'an HTTP/1.1 connection stays open after its answers', PERSIST_HINT);
});

suite.case({ id: 'http11-connection-close', level: 'rfc', name: 'HTTP/1.1 with "Connection: close" (any case, in a list): answer, then close', points: 2, reference: 'RFC 9112 §9.6' }, async (t) => {
  const port = await startServer(t, site.root);
  for (const value of ['close', 'Close', 'te, CLOSE']) {
    const connection = await connect(t, port);
    const request = get('/hello.txt', { fields: [['Connection', value]] });
    connection.write(request);
    expectFile(await connection.read(request, { hint: PERSIST_HINT }), siteFile('/hello.txt'), `with "Connection: ${value}"`);
    await connection.expectClosed(request, `"Connection: ${value}" asks the server to close after its answer`, PERSIST_HINT);
  }
});

suite.case({ id: 'http10-closes', level: 'rfc', name: 'HTTP/1.0 without keep-alive: answer, then close', points: 2, reference: 'RFC 9112 §9.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const request = get('/hello.txt', { version: '1.0' });
  connection.write(request);
  expectFile(await connection.read(request, { hint: PERSIST_HINT }), siteFile('/hello.txt'), 'an HTTP/1.0 request');
  await connection.expectClosed(request, 'an HTTP/1.0 request without "Connection: keep-alive" is the last on its connection', PERSIST_HINT);
});

suite.case({ id: 'http10-keep-alive', level: 'rfc', name: 'HTTP/1.0 with "Connection: keep-alive": the connection stays open', points: 2, reference: 'RFC 9112 §9.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  for (const urlPath of ['/hello.txt', '/data.json']) {
    const request = get(urlPath, { version: '1.0', fields: [['Connection', 'Keep-Alive']] });
    connection.write(request);
    expectFile(await connection.read(request, { hint: PERSIST_HINT }), siteFile(urlPath), `HTTP/1.0 GET ${urlPath} with "Connection: Keep-Alive"`);
  }
  await connection.expectQuiet(get('/data.json'), 'an HTTP/1.0 connection with "Connection: keep-alive" stays open', PERSIST_HINT);
});

suite.case({ id: 'nothing-after-close', level: 'rfc', name: 'pipelined requests after one with "Connection: close" are not answered', points: 2, reference: 'RFC 9112 §9.6' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const requests = [get('/hello.txt'), get('/style.css', { fields: [['Connection', 'close']] }), get('/utf8.txt')];
  connection.write(requests.join(''));
  const hint = 'RFC 9112 §9.6: a server that has answered a request with "Connection: close" MUST NOT process any\n' +
    'further request on that connection: stop reading, finish writing, close.';
  expectFile(await connection.read(requests[0], { hint }), siteFile('/hello.txt'), 'the first of three pipelined requests');
  expectFile(await connection.read(requests[1], { hint }), siteFile('/style.css'), 'the second, with "Connection: close"');
  await connection.expectClosed(requests.join(''), 'the third request comes after "Connection: close" and gets no answer', hint);
});

suite.case({ id: 'half-closed-client-answered', level: 'rfc', name: 'a client that sends its request and then its FIN still gets the answer', points: 1, reference: 'RFC 9112 §9.6' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const request = get('/large.bin');
  connection.write(request);
  connection.end();
  const hint = 'A client may close its sending side right after its request (as `nc -N` does): the request is still\n' +
    'complete and must be answered before the server closes. In Node, create the server with\n' +
    '{ allowHalfOpen: true } and call socket.end() yourself once the answers are written.';
  expectFile(await connection.read(request, { hint, timeoutMs: scaled(8000) }), siteFile('/large.bin'), 'after the client\'s FIN');
  await connection.expectClosed(request, 'after answering a client that has closed its side, the server closes too', hint);
});

suite.case({ id: 'silent-client-does-not-block', level: 'rfc', name: 'clients that say nothing, or half a request, do not hold up another', points: 3, reference: 'RFC 9112 §9' }, async (t) => {
  const port = await startServer(t, site.root);
  const silent = await connect(t, port, '[silent client] ');
  const slow = await connect(t, port, '[slow client] ');
  slow.write('GET /hello.txt HTTP/1.1\r\nHost: soc');
  const hint = 'Serve each connection on its own (Node: events per socket; Python: a thread per connection or\n' +
    'selectors). A blocking read on one socket, or an accept loop that serves one client to the end before\n' +
    'accepting the next, lets one silent client stop everyone.';
  const other = await connect(t, port, '[third client] ');
  const request = get('/utf8.txt');
  other.write(request);
  expectFile(await other.read(request, { hint, what: 'a third client, while two others wait' }), siteFile('/utf8.txt'), 'a third client');
  slow.write('klab.test\r\n\r\n');
  expectFile(await slow.read('GET /hello.txt HTTP/1.1\r\nHost: socklab.test\r\n\r\n', { hint, what: 'the slow client, once its request was complete' }),
    siteFile('/hello.txt'), 'the slow client');
  silent.destroy();
});

suite.case({ id: 'many-keep-alive-connections', level: 'rfc', name: '120 concurrent keep-alive connections each get two answers', points: 3, reference: 'RFC 9112 §9.4', timeoutMs: 40000 }, async (t) => {
  const port = await startServer(t, site.root);
  const count = 120;
  const connections = [];
  for (let n = 1; n <= count; n++) connections.push(await connect(t, port, `[client ${n}] `));
  const hint = 'Every connection is served at once: none waits for another to close. Keep-alive connections stay\n' +
    'open between requests, so a server that serves one connection to its end never gets to the others.';
  for (const round of [1, 2]) {
    const urlPaths = connections.map(() => t.random.pick(['/hello.txt', '/utf8.txt', '/bytes.bin', '/data.json']));
    const requests = urlPaths.map((urlPath) => get(urlPath));
    connections.forEach((connection, index) => connection.write(requests[index]));
    await Promise.all(connections.map(async (connection, index) => {
      const what = `client ${index + 1} of ${count}, request ${round}`;
      expectFile(await connection.read(requests[index], { hint, what, timeoutMs: scaled(10000) }), siteFile(urlPaths[index]), what);
    }));
  }
});

suite.case({ id: 'vanishing-clients-survived', level: 'rfc', name: 'clients that reset mid-request or mid-answer do not stop the server', points: 2, reference: 'RFC 9112 §9.6' }, async (t) => {
  const { port, program } = await t.start('server', { vars: { root: site.root } });
  for (let n = 0; n < 3; n++) {
    const mid = await connect(t, port, `[resets mid-answer ${n + 1}] `);
    mid.write(get('/large.bin'));
    await mid.waitFor(() => mid.pending.length > 0 || mid.closed, scaled(2000));
    mid.reset();
    const half = await connect(t, port, `[resets mid-request ${n + 1}] `);
    half.write('GET /hello.txt HTTP/1.1\r\nHo');
    await sleep(scaled(20));
    half.reset();
  }
  await sleep(scaled(200));
  if (program.exitStatus) {
    throw new GradingFailure({
      summary: 'your server stopped after clients reset their connections',
      hint: 'A socket whose peer resets emits an "error" event (ECONNRESET, EPIPE); without a listener for it, Node\n' +
        'throws and the whole server exits. Add socket.on("error", …) to every connection and log it.',
    });
  }
  await stillServes(t, port, 'six clients that reset their connections');
});
