// Runs the student's resolver against the grader's DNS server and judges what it printed, with the lines that replay it.
import { awaitFirstSign, expectExit, GradingFailure, scaled, shellWord, timeout } from '../../../../harness/index.ts';
import type { CaseContext, Started, StartedPeer } from '../../../../harness/index.ts';
import { peers, type DnsCasePlan } from './peers.ts';
import { expectedOutput, expectOutput, type Leniency, type QueryLog } from '../../../../harness/dns/index.ts';
import type { Scenario } from './scenarios.ts';

/** How to replay the case by hand: the grader's own server, the resolver against it, and dig for comparison. */
export function dnsRepro(t: CaseContext, port: number, scenario: Scenario): string[] {
  return [
    `${t.serveCommand(port)}   # in one terminal: this case's DNS server`,
    `${t.runCommand('resolve', ['--port', port, ...scenario.args])}   # in another: your resolver`,
    `dig @127.0.0.1 -p ${port} +noedns +tries=1 ${shellWord(scenario.name)} ${scenario.type}   # what dig makes of the same server`,
  ];
}

export interface ResolverRun { scenario: Scenario; peer: StartedPeer<DnsCasePlan>; log: QueryLog; program: Started['program']; repro: string[] }

/** The case's DNS server (from support/peers.ts), started once per case. */
export async function dnsServer(t: CaseContext): Promise<StartedPeer<DnsCasePlan>> {
  return t.peer(peers);
}

/** Starts the resolver against `peer` with the arguments of `scenario` (by default the peer's first). */
export async function runResolver(t: CaseContext, peer?: StartedPeer<DnsCasePlan>, scenario?: Scenario): Promise<ResolverRun> {
  const server = peer ?? await dnsServer(t);
  const asked = scenario ?? server.plan.scenarios[0];
  const { program } = await t.start('resolve', { vars: { port: server.port }, args: asked.args });
  const repro = dnsRepro(t, server.port, asked);
  // Every deadline of the case counts from the first query (or the exit of a resolver that sends none).
  await awaitFirstSign(program, () => server.plan.log.arrivals.length > 0, 'sent a query', repro);
  return { peer: server, log: server.plan.log, program, repro, scenario: asked };
}

/** What to say about the first wrong field of the JSON, unless the case knows better. */
const FIELD_HINTS: Record<string, string> = {
  'answers[].ttl': 'TTL is an unsigned 32-bit number of seconds (buffer.readUInt32BE), right after TYPE and CLASS.',
  'answers[].data': 'RDATA starts after RDLENGTH. A is 4 bytes joined by "."; see README.md for the other types.',
  'answers[].name': 'A record\'s NAME as it is in the message, labels joined by ".", without a trailing dot, case kept.',
  answers: 'Print every record of the answer section (ANCOUNT of them) whose type is one of the six, in order.',
  'question.name': 'The question\'s name, without a trailing dot.',
  rcode: 'RCODE is the low 4 bits of the flags: 0 NOERROR, 1 FORMERR, 2 SERVFAIL, 3 NXDOMAIN, 4 NOTIMP, 5 REFUSED.',
  authoritative: 'AA is bit 0x0400 of the flags (the reply comes from a server that owns the zone).',
};

/**
 * One cause, one deduction: a case reads the name's form (a trailing dot) and the rcode's (a number for a name)
 * leniently; the cases that judge them say so with `lenient: { nameWithTrailingDot: false }` or `rcodeAsNumber: false`.
 */
const LENIENT_ELSEWHERE: Leniency = { nameWithTrailingDot: true, rcodeAsNumber: true };

/** The resolver must exit 0 and print the JSON of the scenario's reply. */
export async function expectPrinted(run: ResolverRun, judged: { hint?: string; exitHint?: string; hints?: Record<string, string>; lenient?: Leniency; withinMs?: number } = {}): Promise<void> {
  await expectExit(run.program, {
    code: 0,
    withinMs: judged.withinMs ?? timeout('exit'),
    what: 'after a reply it can read',
    repro: run.repro,
    // read after the exit: before it, the resolver may not have sent its query yet
    hint: () => run.log.udp.length === 0 ? 'Your resolver sent nothing to the grader\'s server: send the query to --server ADDR --port N over UDP.'
      : judged.exitHint ?? 'Every reply it can read, whatever its rcode, is printed as JSON with exit code 0.',
  });
  expectOutput(run.program.stdout.head(), expectedOutput({ ...run.scenario.reply!, id: 0 }), {
    repro: run.repro,
    hint: judged.hint,
    hints: { ...FIELD_HINTS, ...judged.hints },
  }, { ...LENIENT_ELSEWHERE, ...judged.lenient });
}

/** The resolver must exit 1 with a message on stderr (a reply it cannot read, or no reply at all). */
export async function expectGivesUp(run: ResolverRun, what: string, hint: string, withinMs = timeout('exit')): Promise<void> {
  await expectExit(run.program, { code: 1, withinMs, what, hint, repro: run.repro });
  if (run.log.udp.length === 0) {
    throw new GradingFailure({ summary: `your resolver exited 1 without sending a query`, hint: 'Send the query first; the reply decides the rest.', repro: run.repro });
  }
  if (run.program.stderr.total === 0) {
    throw new GradingFailure({ summary: `your resolver exited 1 ${what}, but wrote nothing to stderr`, hint: 'Say what went wrong on stderr before exiting.', repro: run.repro });
  }
  const stderr = run.program.stderr.head().toString('utf8');
  if (/^\s+at .+:\d+:\d+\)?$/m.test(stderr) || stderr.includes('Traceback (most recent call last)')) {
    throw new GradingFailure({
      summary: `your resolver crashed ${what}: its stderr is a stack trace, not a message`,
      hint: `${hint}\nCatch the error where you read the reply, print one line saying what is wrong, and exit 1.`,
      repro: run.repro,
    });
  }
}

/** After a resolver's exit, long enough to read a datagram it sent just before: that one is already in the grader's socket. */
const AFTER_EXIT_MS = 500;

/**
 * Waits until `count` queries have come over UDP: up to `ms` while the resolvers run, but only a moment once they have
 * all exited (a resolver that has exited sends nothing more; a skeleton that exits at once should not cost seconds).
 */
export async function udpQueries(runs: ResolverRun[], count: number, ms = timeout('startup')): Promise<void> {
  const allExited = runs.every((run) => run.program.exitStatus);
  // The runs of a case share its one server, so one log holds every query.
  await runs[0].log.waitFor(count, allExited ? scaled(AFTER_EXIT_MS) : ms, 'udp');
  // One more turn of the event loop reads a datagram that arrived just as the wait ended.
  await new Promise((resolve) => setImmediate(resolve));
}

/** The first query over UDP; fails when none came while the resolver ran. */
export async function firstQuery(run: ResolverRun): Promise<Buffer> {
  await udpQueries([run], 1);
  const query = run.log.udp[0];
  if (query) return query.bytes;
  const exited = run.program.exitStatus;
  throw new GradingFailure({
    summary: `your resolver sent no query over UDP to the grader's server${exited ? ' before it exited' : ''}`,
    hint: 'Send the query as one datagram to the address and port given by --server and --port.',
    repro: run.repro,
  });
}
