// Header fields: their syntax, Host, Content-Length, names in any case, and the size of a head (RFC 9110 §5,
// RFC 9112 §5, §3.2, §6.3). After the hostile ones, the server must still serve.
import { exerciseSuite, siteFile } from '../../../harness/index.ts';
import { connect, expectFile, startServer, stillServes } from './support/exchange.ts';
import { expectRefusal } from './support/refusals.ts';
import { get, rawRequest } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Header fields' });
const site = useSite();

suite.case({ id: 'field-without-colon-400', level: 'rfc', name: 'a header line without a colon gets 400', points: 2, reference: 'RFC 9112 §5' }, async (t) => {
  const port = await startServer(t, site.root);
  for (const line of ['X-Broken header line', 'Accept text/plain']) {
    await expectRefusal(t, port, rawRequest('GET /hello.txt HTTP/1.1', 'Host: socklab.test', line), [400], 'a header line without a colon',
      'Every header line is "Name: value". A line without ":" makes the request malformed: 400 Bad Request.');
  }
  await stillServes(t, port, 'header lines without a colon');
});

suite.case({ id: 'space-before-colon-400', level: 'rfc', name: 'whitespace between a header name and its colon gets 400', points: 2, reference: 'RFC 9112 §5.1' }, async (t) => {
  const port = await startServer(t, site.root);
  for (const line of ['X-Test : 1', 'Accept\t: */*']) {
    await expectRefusal(t, port, rawRequest('GET /hello.txt HTTP/1.1', 'Host: socklab.test', line), [400], 'whitespace before a colon',
      'RFC 9112 §5.1: "A server MUST reject … any received request message that contains whitespace between a\n' +
      'header field name and colon with a response status code of 400". Do not trim the name.');
  }
  await stillServes(t, port, 'header names followed by whitespace');
});

suite.case({ id: 'host-exactly-once', level: 'rfc', name: 'HTTP/1.1 without Host, or with two, gets 400', points: 2, reference: 'RFC 9112 §3.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'RFC 9112 §3.2: a server MUST answer 400 to an HTTP/1.1 request without a Host header field, and to any\n' +
    'request with more than one. Count the Host fields, whatever the case of their names.';
  await expectRefusal(t, port, rawRequest('GET /hello.txt HTTP/1.1', 'Accept: */*'), [400], 'an HTTP/1.1 request without Host', hint);
  await expectRefusal(t, port, rawRequest('GET /hello.txt HTTP/1.1', 'Host: a.test', 'host: b.test'), [400], 'a request with two Host fields', hint);
  await stillServes(t, port, 'requests with a wrong number of Host fields');
});

suite.case({ id: 'http10-without-host', level: 'rfc', name: 'an HTTP/1.0 request without Host is served', points: 1, reference: 'RFC 9112 §3.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const request = rawRequest('GET /hello.txt HTTP/1.0');
  connection.write(request);
  expectFile(await connection.read(request, { hint: 'HTTP/1.0 has no Host requirement: only HTTP/1.1 requests must carry one.' }), siteFile('/hello.txt'));
});

suite.case({ id: 'field-names-any-case', level: 'rfc', name: 'header names are matched in any case (hOsT, CONTENT-LENGTH, connection)', points: 2, reference: 'RFC 9110 §5.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'Field names are case-insensitive: compare them lower-cased. "hOsT" is a Host field.';
  const connection = await connect(t, port);
  const first = rawRequest('GET /hello.txt HTTP/1.1', 'hOsT: socklab.test', 'CONTENT-LENGTH: 5') + 'hello';
  const second = rawRequest('GET /utf8.txt HTTP/1.1', 'HOST: socklab.test', 'connection: CLOSE');
  connection.write(first + second);
  expectFile(await connection.read(first, { hint }), siteFile('/hello.txt'), 'the first request (with "hOsT" and a 5-byte body announced by "CONTENT-LENGTH")');
  expectFile(await connection.read(second, { hint }), siteFile('/utf8.txt'), 'the second request (with "connection: CLOSE")');
  await connection.expectClosed(second, '"connection: CLOSE" asks the server to close after its answer', hint);
});

suite.case({ id: 'field-value-whitespace', level: 'rfc', name: 'whitespace around a field value is not part of it', points: 1, reference: 'RFC 9112 §5.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const connection = await connect(t, port);
  const request = rawRequest('GET /hello.txt HTTP/1.1', 'Host:socklab.test', 'Connection: \t close \t ');
  connection.write(request);
  const hint = 'A field value may have spaces and tabs around it (optional whitespace): trim them. "Host:a" has no\nspace at all, and is valid.';
  expectFile(await connection.read(request, { hint }), siteFile('/hello.txt'));
  await connection.expectClosed(request, '"Connection: \\t close \\t " asks the server to close after its answer', hint);
});

suite.case({ id: 'invalid-content-length-400', level: 'rfc', name: 'an invalid Content-Length gets 400, and the connection is closed', points: 2, reference: 'RFC 9112 §6.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'RFC 9112 §6.3: an invalid Content-Length (not digits, or two different values) MUST get 400 and then\n' +
    'the server MUST close the connection: it cannot know where the next request starts.';
  const cases: Array<[string, string[]]> = [
    ['letters', ['Content-Length: abc']], ['a negative number', ['Content-Length: -1']], ['a plus sign', ['Content-Length: +3']],
    ['a fraction', ['Content-Length: 1.5']], ['two different values', ['Content-Length: 3', 'Content-Length: 4']],
  ];
  for (const [what, fields] of cases) {
    const request = rawRequest('GET /hello.txt HTTP/1.1', 'Host: socklab.test', ...fields) + 'abcd';
    const { connection } = await expectRefusal(t, port, request, [400], `Content-Length as ${what}`, hint);
    await connection.expectClosed(request, `after answering 400 to Content-Length as ${what}, the server must close the connection`, hint);
  }
  await stillServes(t, port, 'requests with an invalid Content-Length');
});

/** A request of exactly `size` bytes of head: its request line padded by a query, or its fields by filler ones. */
function headOf(size: number, padding: 'query' | 'fields'): string {
  const end = 'Host: socklab.test\r\n\r\n';
  if (padding === 'query') {
    const start = 'GET /hello.txt?q=';
    return `${start}${'a'.repeat(size - start.length - ' HTTP/1.1\r\n'.length - end.length)} HTTP/1.1\r\n${end}`;
  }
  let head = 'GET /hello.txt HTTP/1.1\r\n';
  for (let n = 1; head.length + end.length < size; n++) {
    const line = `X-Filler-${String(n).padStart(3, '0')}: `;
    const room = size - head.length - end.length - line.length - 2;
    head += `${line}${'f'.repeat(Math.max(1, Math.min(60, room)))}\r\n`;
  }
  return head + end;
}

suite.case({ id: 'head-of-8-kib-served', level: 'rfc', name: 'a request head of 8 KiB (a long request line, or many fields) is served', points: 2, reference: 'RFC 9112 §3' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'A head does not fit in one read of 1024 or 4096 bytes: keep reading until the empty line ("\\r\\n\\r\\n")\n' +
    'arrives. RFC 9112 §3 recommends supporting request lines of at least 8000 octets.';
  for (const padding of ['query', 'fields'] as const) {
    const request = headOf(8192, padding);
    const connection = await connect(t, port);
    connection.write(request);
    expectFile(await connection.read(request, { hint }), siteFile('/hello.txt'), `an 8 KiB head (${padding === 'query' ? 'an 8 KB request line' : 'many header fields'})`);
  }
});
