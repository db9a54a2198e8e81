// Conditional GET: If-Modified-Since in the three HTTP-date formats, compared in whole seconds
// (RFC 9110 §13.1.3, §5.6.7, §15.4.5). The site's files were modified at 08:49:37.250 on Sunday 5 Nov 2023.
import { exerciseSuite, SITE_MODIFIED, siteFile, timeout, type CaseContext } from '../../../harness/index.ts';
import { connect, expectFile, startServer } from './support/exchange.ts';
import { get, head } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Conditional GET' });
const site = useSite();

const HINT = 'RFC 9110 §13.1.3: answer 304 Not Modified (no body) when the file\'s modification time, in whole\n' +
  'seconds, is not later than the If-Modified-Since date; otherwise serve the file. An HTTP-date has no\n' +
  'milliseconds but the file\'s mtime has: compare Math.floor(mtimeMs / 1000) with the date\'s seconds.';

/** GET with If-Modified-Since `date` must give `status` (304 with no body, or 200 with the file). */
async function expectConditional(t: CaseContext, port: number, date: string, status: 200 | 304, hint = HINT, method = 'GET'): Promise<void> {
  const connection = await connect(t, port);
  const build = method === 'HEAD' ? head : get;
  const request = build('/hello.txt', { fields: [['If-Modified-Since', date]] });
  connection.write(request);
  const answer = await connection.read(request, { hint });
  const what = `${method} with "If-Modified-Since: ${date}"`;
  if (status === 200) {
    // A 304 where 200 is due is this case's fault (the date's reading), not a missing file: its hint, not expectFile's.
    answer.expectStatus(200, { what, hint });
    expectFile(answer, siteFile('/hello.txt'), what);
    return;
  }
  answer.expectStatus(304, { what, hint });
  // A 304 has no body: a second request on the connection shows any stray bytes. A server that closed the
  // connection after its 304, with nothing more, sent no stray bytes (persistence is judged by its own cases).
  const next = get('/hello.txt');
  connection.write(next);
  await connection.waitFor(() => connection.pending.length > 0 || connection.closed, timeout('reply'));
  if (connection.pending.length === 0 && connection.closed) return;
  expectFile(await connection.read(next, { hint: 'A 304 answer ends with its head: no body, even if it has Content-Length.', what: 'the request after a 304' }),
    siteFile('/hello.txt'), 'the request after a 304');
}

suite.case({ id: 'ims-imf-fixdate', level: 'rfc', name: 'If-Modified-Since as IMF-fixdate: equal in whole seconds gives 304, a second earlier 200', points: 3, reference: 'RFC 9110 §13.1.3' }, async (t) => {
  const port = await startServer(t, site.root);
  await expectConditional(t, port, 'Sun, 05 Nov 2023 08:49:37 GMT', 304);
  await expectConditional(t, port, 'Sun, 05 Nov 2023 08:49:36 GMT', 200);
});

suite.case({ id: 'ims-later-date', level: 'rfc', name: 'If-Modified-Since later than the file gives 304', points: 1, reference: 'RFC 9110 §13.1.3' }, async (t) => {
  const port = await startServer(t, site.root);
  await expectConditional(t, port, 'Mon, 06 Nov 2023 00:00:00 GMT', 304);
  await expectConditional(t, port, 'Fri, 01 Mar 2024 12:00:00 GMT', 304);
});

suite.case({ id: 'ims-rfc850-date', level: 'rfc', name: 'If-Modified-Since in the RFC 850 format ("Sunday, 05-Nov-23 …") is understood', points: 2, reference: 'RFC 9110 §5.6.7' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = `${HINT}\nRFC 9110 §5.6.7: recipients MUST accept all three formats. RFC 850: "Sunday, 05-Nov-23 08:49:37 GMT",\n` +
    'a full day name and a two-digit year (here 2023).';
  await expectConditional(t, port, 'Sunday, 05-Nov-23 08:49:37 GMT', 304, hint);
  await expectConditional(t, port, 'Sunday, 05-Nov-23 08:49:36 GMT', 200, hint);
});

suite.case({ id: 'ims-asctime-date', level: 'rfc', name: 'If-Modified-Since in the asctime format ("Sun Nov  5 … 2023") is understood', points: 2, reference: 'RFC 9110 §5.6.7' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = `${HINT}\nRFC 9110 §5.6.7: recipients MUST accept all three formats. asctime: "Sun Nov  5 08:49:37 2023",\n` +
    'the day padded with a space to two characters, the year last, no zone.';
  await expectConditional(t, port, 'Sun Nov  5 08:49:37 2023', 304, hint);
  await expectConditional(t, port, 'Sun Nov  5 08:49:36 2023', 200, hint);
});

suite.case({ id: 'ims-invalid-ignored', level: 'rfc', name: 'an If-Modified-Since that is not an HTTP-date is ignored: 200', points: 2, reference: 'RFC 9110 §13.1.3' }, async (t) => {
  const port = await startServer(t, site.root);
  const hint = 'RFC 9110 §13.1.3: a recipient MUST ignore If-Modified-Since when its value is not a valid HTTP-date, and\n' +
    'serve the file (200). Accept only the three formats of RFC 9110 §5.6.7 (IMF-fixdate "Sun, 06 Nov 1994 08:49:37 GMT",\n' +
    'RFC 850 "Sunday, 06-Nov-94 08:49:37 GMT", asctime "Sun Nov  6 08:49:37 1994") and ignore anything else.\n' +
    'Date.parse (JavaScript) and email.utils.parsedate_to_datetime (Python) accept far too much: Date.parse takes\n' +
    '"2030-01-01T00:00:00Z" and "5 Nov 2023", parsedate_to_datetime takes "5 Nov 2023 08:49:37 -0500" (no day name, a\n' +
    'numeric zone). Neither can tell you whether a value is an HTTP-date: match the three formats yourself.';
  for (const date of ['yesterday', 'Sun, 32 Nov 2023 08:49:37 GMT', 'Sun, 05 Nov 2023 25:61:00 GMT', '2030-01-01T00:00:00Z', '']) {
    await expectConditional(t, port, date, 200, hint);
  }
});

suite.case({ id: 'ims-head-304', level: 'rfc', name: 'HEAD with If-Modified-Since gets 304 too', points: 1, reference: 'RFC 9110 §13.1.3' }, async (t) => {
  const port = await startServer(t, site.root);
  await expectConditional(t, port, SITE_MODIFIED.toUTCString(), 304, `${HINT}\nThe condition applies to GET and HEAD alike.`, 'HEAD');
});
