// Replays one failure's repro lines by hand against a target: the start line in one "terminal", the student's
// lines in another; the result is the Outcome that same-fault.ts compares.
import { solutionsDir } from '../../grader/kit-paths.ts';
import { freePort } from '../../../harness/ports.ts';
import { paste, PROGRAM_LINE, SERVE_LINE, SERVER_LINE, startLine, stillUp } from './by-hand.ts';
import { sentLines, type Outcome } from './same-fault.ts';

/** The repro's shape: which line starts what, and which lines the student types (alternatives such as "or,
 * instead: netcat plays it" and "what dig makes of it" are left out: they are not the student's program). */
export interface ReproPlan { kind: 'server' | 'client' | 'command'; start?: string; typed: string[] }

/** A line offered instead of the student's own program ("or, instead: netcat plays it", "what dig makes of it"). */
const ALTERNATIVE = /#\s*(or, instead|what dig makes)/;

/** Reads a repro's shape; undefined when the lines are not of a shape this self-test knows (reported, not skipped). */
export function planOf(repro: string[]): ReproPlan | undefined {
  const server = repro.find((line) => SERVER_LINE.test(line));
  if (server) return { kind: 'server', start: server, typed: repro.filter((line) => line !== server) };
  const serve = repro.find((line) => SERVE_LINE.test(line));
  // the student's lines: the program's command and what it needs first (a file made with printf)
  const typed = repro.filter((line) => line !== serve && !ALTERNATIVE.test(line));
  if (typed.filter((line) => PROGRAM_LINE.test(line)).length !== 1) return undefined;
  return serve ? { kind: 'client', start: serve, typed } : { kind: 'command', typed };
}

/**
 * The shape of a repro: its kind and the tools each line uses (nc -u, nc -N, curl, node -e, a background client, a
 * file made by hand…). Two failures of one mutant with the same shape are one check: only the first is replayed.
 */
export function shapeOf(plan: ReproPlan): string {
  const tools = (line: string) => (line.match(/(?<=^|[\s|;(])nc(?: -[A-Za-z]+\d*)*(?=\s)|\bcurl\b|\bnode -e\b|\bpython3\b|\bsleep\b|\bdig\b|&$|&\s|> \S+$|npx socklab \w+/g) ?? []).join(' ');
  return [plan.kind, ...(plan.start ? [tools(plan.start)] : []), ...plan.typed.map(tools)].join(' | ');
}

/** Runs the plan against one target and returns what a student would have seen. */
export async function runPlan(plan: ReproPlan, exercise: string, target: string): Promise<Outcome> {
  if (!plan.start) return paste(plan.typed, target);
  const started = await startLine(plan.start, target);
  try {
    const pasted = await paste(plan.typed, target);
    if (plan.kind === 'server') return { ...pasted, exitCode: undefined, up: await stillUp(started.port, exercise) };
    return { ...pasted, sent: sentLines(started.output().split('\n')) };
  } finally {
    await started.stop();
  }
}

/** The same plan on another port: every mention of the start line's port replaced. */
function onPort(plan: ReproPlan, port: number): ReproPlan {
  const found = plan.start && (SERVER_LINE.exec(plan.start) ?? SERVE_LINE.exec(plan.start));
  if (!found) return plan;
  const mention = new RegExp(`(?<![\\d.])${found[2]}(?!\\d)`, 'g');
  const moved = (line: string) => line.replace(mention, String(port));
  return { ...plan, start: moved(plan.start!), typed: plan.typed.map(moved) };
}

/** The repro run against the mutant's target and, at the same time on a port of its own, the reference solution. */
export async function replayBoth(plan: ReproPlan, exercise: string, mutantTarget: string) {
  const transport = exercise === 'udp-uppercase' && plan.kind === 'server' ? 'udp' : 'tcp';
  const found = plan.start && (SERVER_LINE.exec(plan.start) ?? SERVE_LINE.exec(plan.start));
  const port = found ? await freePort(transport) : undefined;
  const [mutant, reference] = await Promise.all([
    runPlan(plan, exercise, mutantTarget),
    runPlan(port ? onPort(plan, port) : plan, exercise, solutionsDir),
  ]);
  // what the reference printed, as if on the printed port (an error message or a Location may name it)
  if (found && port) reference.printed = reference.printed.replace(new RegExp(`(?<![\\d.])${port}(?!\\d)`, 'g'), found[2]);
  return { mutant, reference };
}
