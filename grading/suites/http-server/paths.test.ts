// What a path names: missing files, folders with and without their slash and index.html, bad escapes
// (RFC 9110 §15.5.5 404, §15.4.2 301, §15.5.1 400; RFC 3986 §2.1).
import { exerciseSuite, siteFile } from '../../../harness/index.ts';
import { ask, expectFile, startServer, stillServes } from './support/exchange.ts';
import { get } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Paths' });
const site = useSite();

suite.case({ id: 'missing-file-404', level: 'core', name: 'a missing file gets 404', points: 2, reference: 'RFC 9110 §15.5.5' }, async (t) => {
  const port = await startServer(t, site.root);
  for (const urlPath of ['/no-such-file.txt', '/docs/nope.html', '/hello.txt/more']) {
    (await ask(t, port, get(urlPath))).expectStatus(404, { what: `GET ${urlPath}`, hint: 'A file that does not exist (fs.stat fails with ENOENT or ENOTDIR) is 404 Not Found.' });
  }
});

suite.case({ id: 'directory-redirect-301', level: 'rfc', name: 'a folder without its trailing slash: 301 with Location ending in "/"', points: 2, reference: 'RFC 9110 §15.4.2' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'A folder named without its slash is redirected, so that relative links in its index.html work:\n' +
    '"HTTP/1.1 301 Moved Permanently" with "Location: /docs/" (the same path plus "/").';
  for (const urlPath of ['/docs', '/docs/guide']) {
    const answer = await ask(t, port, get(urlPath), { hint });
    answer.expectStatus(301, { what: `GET ${urlPath}`, hint });
    answer.expectField('Location', (value) => value.split('?')[0].endsWith(`${urlPath}/`), `a path ending in ${urlPath}/`, { what: `GET ${urlPath}`, hint });
  }
});

suite.case({ id: 'directory-index', level: 'rfc', name: 'a folder with its slash serves its index.html; nested files are found', points: 2, reference: 'RFC 9110 §9.3.1' }, async (t) => {
  const port = await startServer(t, site.root);
  expectFile(await ask(t, port, get('/docs/')), siteFile('/docs/index.html'), 'GET /docs/');
  expectFile(await ask(t, port, get('/docs/guide/intro.txt')), siteFile('/docs/guide/intro.txt'), 'GET /docs/guide/intro.txt');
});

suite.case({ id: 'directory-without-index-404', level: 'rfc', name: 'a folder without index.html gets 404 (no listing, no crash)', points: 1, reference: 'RFC 9110 §15.5.5' }, async (t) => {
  const port = await startServer(t, site.root);
  for (const urlPath of ['/empty/', '/docs/guide/']) {
    (await ask(t, port, get(urlPath))).expectStatus(404, { what: `GET ${urlPath}`, hint: 'This folder has no index.html: answer 404. Reading a folder as a file fails with EISDIR.' });
  }
  await stillServes(t, port, 'requests for folders without index.html');
});

suite.case({ id: 'malformed-escape-400', level: 'rfc', name: 'a malformed percent escape gets 400, never a crash', points: 2, reference: 'RFC 3986 §2.1; RFC 9110 §15.5.1' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'decodeURIComponent throws a URIError on "%zz" or a lone "%": catch it and answer 400 Bad Request.';
  for (const urlPath of ['/bad%zz.txt', '/hello.txt%', '/bad%2']) {
    (await ask(t, port, get(urlPath), { hint })).expectStatus(400, { what: `GET ${urlPath}`, hint });
  }
  await stillServes(t, port, 'requests with malformed percent escapes');
});
