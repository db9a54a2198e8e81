// Timeouts and retries over UDP (RFC 1035 §4.2.1; RFC 1536 §1): three attempts `--timeout` apart, then give up.
import { escapeBytes, exerciseSuite, expectExit, GradingFailure, judgeOnTime, timeout, type Punctuality } from '../../../harness/index.ts';
import type { Arrival } from '../../../harness/dns/index.ts';
import { expectGivesUp, expectPrinted, runResolver, type ResolverRun } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'Retries and timeouts' });

// These cases measure time, yet none is `alone`: this file holds only them, and they wait far more than they work
// (three resolver starts, seconds of silence), so side by side they cost each other no core time. Run one after the
// other, they were the longest path of the whole suite. The gaps they judge are lenient (half of --timeout), their
// deadlines give back the time a program waited for a core, and judgeOnTime runs a case again when the grader itself
// was late (docs/fairness.md, the stress run).

const timings = (arrivals: Arrival[]) => arrivals.map((a, i) => `query ${i + 1} at ${a.at} ms over ${a.transport.toUpperCase()} from :${a.fromPort}`);

/**
 * The same query each time, `timeoutMs` apart at least (less a margin for the grader's own clock). The grader notes
 * when each query arrives; when its own event loop stalled meanwhile, two queries can seem closer than they were
 * sent, so a failure then runs the case again (judgeOnTime) instead of blaming the resolver.
 */
function expectRetries(run: ResolverRun, count: number, timeoutMs: number, punctuality: Punctuality): void {
  try {
    expectRetriesAsSeen(run, count, timeoutMs);
  } catch (failure) {
    punctuality.check('noting when each of your queries arrived');
    throw failure;
  }
}

function expectRetriesAsSeen(run: ResolverRun, count: number, timeoutMs: number): void {
  const queries = run.log.udp;
  const fail = (summary: string, hint: string) => { throw new GradingFailure({ summary, details: timings(queries), hint, repro: run.repro }); };
  if (queries.length !== count) {
    fail(`your resolver sent ${queries.length} quer${queries.length === 1 ? 'y' : 'ies'}; the server stayed silent to ${count - 1 || 'none'}, so ${count} were due`,
      queries.length < count ? `With no reply after --timeout ms, send the same query again: three attempts in all.`
        : 'Three attempts in all: the first query and two more, then give up.');
  }
  for (const [i, query] of queries.entries()) {
    if (i > 0 && !query.bytes.equals(queries[0].bytes)) {
      throw new GradingFailure({
        summary: `your resolver's attempt ${i + 1} is not the same query as the first`,
        expected: queries[0].bytes, received: query.bytes,
        hint: 'Send the very same bytes again (same ID, same question): a late reply to the first attempt is then still yours.',
        repro: run.repro,
      });
    }
    const gap = i > 0 ? query.at - queries[i - 1].at : timeoutMs;
    if (gap < timeoutMs / 2) fail(`your resolver sent attempt ${i + 1} only ${gap} ms after attempt ${i}; --timeout was ${timeoutMs} ms`, 'Wait --timeout ms for a reply before sending the query again.');
  }
}

suite.case({ id: 'retry-after-timeout', name: 'no reply to two queries: the same query is sent a third time, and its reply printed', points: 2, level: 'rfc', reference: 'RFC 1035 §4.2.1' }, async (t) => {
  await judgeOnTime(async (punctuality) => {
    const run = await runResolver(t);
    const hint = 'UDP loses datagrams: with no reply after --timeout ms, send the query again (three attempts in all).';
    await expectPrinted(run, { hint, exitHint: hint, withinMs: 1200 + timeout('exit') });
    expectRetries(run, 3, 400, punctuality);
  });
});

suite.case({ id: 'give-up-after-three', name: 'no reply at all: three attempts, then exit 1 with a message', points: 2, level: 'rfc', reference: 'RFC 1035 §4.2.1' }, async (t) => {
  let run: ResolverRun | undefined;
  await judgeOnTime(async (punctuality) => {
    run = await runResolver(t);
    await expectGivesUp(run, 'after three attempts without a reply', 'After the third attempt\'s --timeout passes, print a message to stderr, close the socket, exit 1.', 900 + timeout('exit'));
    expectRetries(run, 3, 300, punctuality);
  });
  run = run!;
  if (run.program.stdout.total > 0) {
    throw new GradingFailure({ summary: 'your resolver printed something on stdout without any reply', received: escapeBytes(run.program.stdout.head()), repro: run.repro });
  }
});

suite.case({ id: 'timeout-option-obeyed', name: '--timeout 2500: a reply after 1300 ms comes before any second query', points: 1, level: 'rfc', reference: 'contract: --timeout' }, async (t) => {
  let run: ResolverRun | undefined;
  await judgeOnTime(async (punctuality) => {
    run = await runResolver(t);
    await expectExit(run.program, { code: 0, withinMs: 2500 + timeout('exit'), repro: run.repro });
    // A second query is fair only if the grader's reply really left 1300 ms after the first, not later.
    if (run.log.udp.length !== 1) punctuality.check('sending the reply 1300 ms after your first query');
  });
  run = run!;
  if (run.log.udp.length !== 1) {
    throw new GradingFailure({
      summary: `your resolver sent ${run.log.udp.length} queries although the reply came 1300 ms after the first, within --timeout 2500`,
      details: timings(run.log.udp),
      hint: 'Read --timeout (milliseconds) and wait that long for a reply before sending the query again.',
      repro: run.repro,
    });
  }
  await expectPrinted(run);
});
