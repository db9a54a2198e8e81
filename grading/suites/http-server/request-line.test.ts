// The request line: methods, versions, and every way it can be malformed (RFC 9112 §3, §2.3; RFC 9110 §9.1,
// §15.5.6, §15.6.6). After the hostile ones, the server must still serve.
import { exerciseSuite, siteFile } from '../../../harness/index.ts';
import { ask, expectFile, startServer, stillServes } from './support/exchange.ts';
import { expectRefusal } from './support/refusals.ts';
import { rawRequest, request } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Request line' });
const site = useSite();

const BAD_LINE_HINT = 'The request line is exactly METHOD SP TARGET SP HTTP/x.y, the target starting with "/". Anything\n' +
  'else is 400 Bad Request. Split on single spaces and check that there are exactly three parts.';

/** Each request on its own connection must get 400; then the server must still serve. */
function malformedCase(id: string, name: string, points: number, reference: string, requests: string[], hint: string) {
  suite.case({ id, level: 'rfc', name, points, reference }, async (t) => {
    const port = await startServer(t, site.root);
    for (const bad of requests) await expectRefusal(t, port, bad, [400], 'a malformed request line', hint);
    await stillServes(t, port, 'malformed request lines');
  });
}

suite.case({ id: 'other-methods-405', level: 'rfc', name: 'POST, PUT and DELETE get 405 with Allow: GET, HEAD (or 501)', points: 2, reference: 'RFC 9110 §15.5.6' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'Only GET and HEAD are served. Answer other methods with 405 Method Not Allowed and an\n' +
    '"Allow: GET, HEAD" header field (RFC 9110 requires Allow with 405), or with 501 Not Implemented.';
  for (const method of ['POST', 'PUT', 'DELETE']) {
    const { answer } = await expectRefusal(t, port, request(method, '/hello.txt', { body: 'a=1' }), [405, 501], `${method} /hello.txt`, hint);
    if (answer.status === 405) {
      answer.expectField('Allow', (value) => {
        const methods = value.split(',').map((item) => item.trim());
        return methods.includes('GET') && methods.includes('HEAD');
      }, 'a list naming GET and HEAD', { what: `${method} /hello.txt`, hint });
    }
  }
});

suite.case({ id: 'unknown-methods-refused', level: 'rfc', name: 'unknown and lower-case methods ("BREW", "get") get 405 or 501', points: 1, reference: 'RFC 9110 §9.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'Method names are case-sensitive: "get" is not GET. A method this server does not serve gets 405\n' +
    '(with Allow) or 501.';
  for (const method of ['BREW', 'get', 'Head']) {
    await expectRefusal(t, port, request(method, '/hello.txt'), [405, 501], `${method} /hello.txt`, hint);
  }
  await stillServes(t, port, 'unknown methods');
});

malformedCase('request-line-missing-parts', 'a request line missing its method, target or version gets 400', 2, 'RFC 9112 §3',
  [rawRequest('GET /hello.txt', 'Host: socklab.test'), rawRequest('GET HTTP/1.1', 'Host: socklab.test'),
    rawRequest('/hello.txt HTTP/1.1', 'Host: socklab.test'), rawRequest('GET', 'Host: socklab.test')],
  BAD_LINE_HINT);

malformedCase('request-line-bad-version', 'a malformed HTTP version ("HTTP/1", "http/1.1", "HTTP/1.1.1") gets 400', 2, 'RFC 9112 §2.3',
  ['HTTP/1', 'http/1.1', 'HTTP/1.1.1', 'HTTP/one', 'HTTP/11'].map((version) => rawRequest(`GET /hello.txt ${version}`, 'Host: socklab.test')),
  'The version is exactly "HTTP/" then a digit, a dot and a digit, in capitals (RFC 9112 §2.3).');

malformedCase('request-line-bad-target', 'a target without its leading "/", with a space or a control byte gets 400', 2, 'RFC 9112 §3.2',
  [rawRequest('GET hello.txt HTTP/1.1', 'Host: socklab.test'), rawRequest('GET /hel lo.txt HTTP/1.1', 'Host: socklab.test'),
    rawRequest('GET /hello\x01.txt HTTP/1.1', 'Host: socklab.test')],
  `${BAD_LINE_HINT}\nA target has no spaces or control bytes; a client encodes them (%20).`);

suite.case({ id: 'version-2-gets-505', level: 'rfc', name: 'HTTP/2.0 and HTTP/3.0 requests get 505', points: 2, reference: 'RFC 9110 §15.6.6' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'This server speaks HTTP/1.x: a request whose major version is 2 or more gets 505 HTTP Version Not\nSupported.';
  for (const version of ['2.0', '3.0']) {
    await expectRefusal(t, port, request('GET', '/hello.txt', { version }), [505], `GET /hello.txt HTTP/${version}`, hint);
  }
  await stillServes(t, port, 'requests of an unsupported version');
});

suite.case({ id: 'version-1x-served', level: 'rfc', name: 'HTTP/1.2 and HTTP/1.9 requests are served as HTTP/1.1', points: 1, reference: 'RFC 9110 §2.5' }, async (t) => {
  const port = await startServer(t, site.root);
  for (const version of ['1.2', '1.9']) {
    const answer = await ask(t, port, request('GET', '/hello.txt', { version }), {
      hint: 'A higher minor version of HTTP/1 is understood as the highest this server knows, 1.1 (RFC 9110 §2.5).',
    });
    expectFile(answer, siteFile('/hello.txt'), `GET /hello.txt HTTP/${version}`);
  }
});
