// The differential check: seeded sequences of requests go to the student's server and to the kit's reference,
// and their answers must agree in status (where the contract allows several, any of them) and in framing
// (which answers carry a body, how long, and when the connection closes). Hidden: it needs the kit's reference.
import {
  CannotJudge, exerciseSuite, GradingFailure, ncLine, scaled, sleep, timeout, Transcript, type CaseContext, type HttpConnection,
} from '../../../harness/index.ts';
import { startServer } from './support/exchange.ts';
import { get, head, rawRequest, request } from './support/requests.ts';
import { useSite } from './support/site.ts';

const suite = exerciseSuite('http-server', { group: 'Compared with the reference' });
const site = useSite();

interface Step {
  request: string;
  /** Statuses the contract treats as the same answer (405 or 501; 400, 403 or 404 for a traversal). */
  alike?: number[];
  /** The reference ends the connection after it, so it ends the sequence; `mustClose`: so must every server. */
  last?: boolean;
  mustClose?: boolean;
}

const IMS = (date: string) => ({ fields: [['If-Modified-Since', date]] as Array<[string, string]> });
const MIDDLE: Step[] = [
  { request: get('/hello.txt') }, { request: get('/utf8.txt') }, { request: get('/bytes.bin') }, { request: get('/docs/') },
  { request: head('/pixel.png') }, { request: head('/no-such-file') }, { request: get('/no-such-file.txt') },
  { request: get('/docs') }, { request: get('/hello.txt', IMS('Sun, 05 Nov 2023 08:49:37 GMT')) },
  { request: get('/style.css', IMS('Sat, 04 Nov 2023 08:49:37 GMT')) }, { request: get('/data.json', { body: 'ignored=1' }) },
  { request: request('GET', '/app.js', { version: '1.0', fields: [['Connection', 'keep-alive']] }) },
];
const LAST: Step[] = [
  { request: get('/hello.txt', { fields: [['Connection', 'close']] }), last: true, mustClose: true },
  { request: request('GET', '/index.html', { version: '1.0' }), last: true, mustClose: true },
  { request: request('DELETE', '/hello.txt'), alike: [405, 501], last: true },
  { request: get('/%2e%2e/secret.txt'), alike: [400, 403, 404], last: true },
  { request: rawRequest('GET /hello.txt HTTP/1.1', 'Host: socklab.test', 'X-Broken header'), last: true },
];

interface Seen { status?: number; body?: number; closed: boolean; error?: string }

/** Plays the steps on one connection (all in one write, or each after the previous answer) and records the answers. */
async function play(connection: HttpConnection, steps: Step[], pipelined: boolean): Promise<Seen[]> {
  const seen: Seen[] = [];
  if (pipelined) connection.write(steps.map((step) => step.request).join(''));
  for (const step of steps) {
    if (!pipelined) connection.write(step.request);
    try {
      const answer = await connection.read(step.request);
      seen.push({ status: answer.status, body: answer.response.framing === 'none' ? undefined : answer.body.length, closed: false });
    } catch (error) {
      if (!(error instanceof GradingFailure)) throw error;
      seen.push({ closed: connection.closed, error: error.details.summary });
      return seen;
    }
  }
  // A close the contract requires is waited for as long as any answer; one it leaves open, a second (it is only
  // shown); after a step that keeps the connection open, a short pause shows a server that closes it anyway.
  const last = steps.at(-1)!;
  if (last.last) await connection.waitFor(() => connection.closed, last.mustClose ? timeout('reply') : scaled(1000));
  else await sleep(scaled(100));
  seen.at(-1)!.closed = connection.closed;
  return seen;
}

const show = (seen: Seen | undefined) => !seen ? '(nothing)' : seen.error ? seen.error
  : `${seen.status}, ${seen.body === undefined ? 'no body' : `${seen.body}-byte body`}${seen.closed ? ', then closed' : ''}`;

/** Whether the student's answer is the reference's, up to what the contract leaves open. */
function agrees(step: Step, want: Seen, got: Seen | undefined, isLast: boolean): boolean {
  if (!got || got.error !== undefined || got.status === undefined) return false;
  const sameStatus = got.status === want.status || (step.alike?.includes(want.status!) && step.alike.includes(got.status));
  if (!sameStatus) return false;
  if (want.status === 200 || want.status === 304 || want.body === undefined) { if (got.body !== want.body) return false; }
  if (isLast && step.mustClose && !got.closed) return false;
  if (isLast && !step.last && got.closed) return false;
  return true;
}

async function compareSequences(t: CaseContext, count: number, pool: Step[]): Promise<void> {
  const port = await startServer(t, site.root);
  const reference = await t.startReference('server', { vars: { root: site.root } });
  for (let n = 1; n <= count; n++) {
    const steps = Array.from({ length: t.random.int(3, 5) }, () => t.random.pick(pool));
    if (t.random.next() < 0.6) steps.push(t.random.pick(LAST));
    const pipelined = n % 2 === 1;
    // The reference's side of the exchange stays out of the student's transcript: only theirs is shown.
    const toReference = await t.http(reference.port, { label: '[reference] ', transcript: new Transcript() });
    const want = await play(toReference, steps, pipelined);
    const unanswered = want.find((seen) => seen.error !== undefined);
    if (unanswered) {
      // The kit's own server did not answer (a machine too loaded, most likely): nothing to hold the student's against.
      throw new CannotJudge({
        summary: `sequence ${n}: the kit's reference server did not answer it (${unanswered.error}), so there is nothing to compare with`,
        hint: 'This is not your program\'s fault. Run the case again; on a slow machine, with --timeout-scale 2.',
      });
    }
    // Each sequence has its own record: the failing one is shown whole, not cut off by those that passed.
    const record = new Transcript();
    record.legend = 'C: the grader, S: your server';
    const theirs = await t.http(port, { transcript: record });
    const got = await play(theirs, steps, pipelined);
    const wrong = steps.findIndex((step, i) => !agrees(step, want[i], got[i], i === steps.length - 1));
    if (wrong < 0) continue;
    const rows = steps.map((step, i) => `  ${String(i + 1).padStart(2)}  ${JSON.stringify(step.request.split('\r\n')[0]).padEnd(50)} ` +
      `reference: ${show(want[i]).padEnd(34)} yours: ${show(got[i])}${i === wrong ? '   <- differs' : ''}`);
    throw new GradingFailure({
      summary: `sequence ${n} (${steps.length} requests, ${pipelined ? 'pipelined in one write' : 'each after the previous answer'}): ` +
        `answer ${wrong + 1} differs from the reference server's`,
      sent: steps[wrong].request,
      details: ['the sequence, on one connection to each server:', ...rows, `the exchange of sequence ${n} with your server:`,
        ...record.lines().map((line) => `  ${line}`)],
      hint: 'Compare the request that differs with the cases about it above. Statuses the contract leaves open\n' +
        '(403 or 404, 405 or 501) count as the same; Date, reason phrases and error pages are not compared.',
      repro: [ncLine(theirs)],
    });
  }
}

suite.case({ id: 'same-as-reference', level: 'rfc', name: 'seeded request sequences get the same statuses and framing as the reference', points: 3, reference: 'RFC 9112 §6, §9', visibility: 'hidden' }, async (t) => {
  await compareSequences(t, 6, MIDDLE);
});
