// Heads far too large: refused (400 or 431) or cut off without waiting for their end, while the server goes on
// serving others (RFC 9110 §15.5.20; RFC 9112 §2.3).
import { exerciseSuite, GradingFailure, scaled, type CaseContext } from '../../../harness/index.ts';
import { connect, startServer, stillServes } from './support/exchange.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Head limits' });
const site = useSite();

const HUGE = 70_000; // bytes of one line: more than 64 KiB, never ended
const HINT = 'Do not collect a head forever: when more than 64 KiB have arrived without the empty line that ends the\n' +
  'head, answer 400 or 431 (Request Header Fields Too Large) and close, or just close. A server that waits\n' +
  'for the end can be made to hold any amount of memory by one client.';

/** Sends `start` then HUGE bytes of "a" and no line end; expects a 400 or 431 answer, or a close, without more. */
async function expectCutOff(t: CaseContext, port: number, start: string, what: string, repro: string): Promise<void> {
  const connection = await connect(t, port);
  connection.write(start);
  connection.write('a'.repeat(HUGE));
  const request = `${start}${'a'.repeat(60)}…(${HUGE} bytes of "a", no line end)`;
  const settled = await connection.waitFor(() => connection.closed || connection.hasResponse(), scaled(5000));
  if (connection.hasResponse()) {
    const answer = await connection.read(request);
    answer.expectStatus([400, 431], { what, hint: HINT });
    return;
  }
  if (!settled) {
    throw new GradingFailure({
      summary: `${what}: the server neither answered nor closed the connection within ${scaled(5000)} ms`,
      sent: request,
      ...(connection.pending.length > 0 ? { received: connection.pending } : {}),
      hint: HINT,
      repro: [repro.replace('PORT', String(port))],
    });
  }
}

suite.case({ id: 'huge-head-refused', level: 'rfc', name: 'a head of more than 64 KiB is refused without waiting for its end', points: 3, reference: 'RFC 9110 §15.5.20' }, async (t) => {
  const port = await startServer(t, site.root);
  const start = 'GET /hello.txt HTTP/1.1\r\nHost: socklab.test\r\nX-Huge: ';
  await expectCutOff(t, port, start, `a header field of ${HUGE} bytes`,
    `{ printf 'GET /hello.txt HTTP/1.1\\r\\nHost: socklab.test\\r\\nX-Huge: '; head -c ${HUGE} /dev/zero | tr '\\0' a; } | nc 127.0.0.1 PORT`);
  await stillServes(t, port, `a head of more than ${HUGE} bytes`);
});

suite.case({ id: 'huge-request-line-refused', level: 'rfc', name: 'a request line of more than 64 KiB is refused without waiting for its end', points: 2, reference: 'RFC 9112 §3' }, async (t) => {
  const port = await startServer(t, site.root);
  await expectCutOff(t, port, 'GET /', `a request line of ${HUGE} bytes`,
    `{ printf 'GET /'; head -c ${HUGE} /dev/zero | tr '\\0' a; } | nc 127.0.0.1 PORT`);
  await stillServes(t, port, `a request line of more than ${HUGE} bytes`);
});
