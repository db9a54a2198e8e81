// Names the cause of a failure when many cases may share it (a program that never listened, exited at once, does
// not compile), so that a report shows that cause once, with the list of cases it cost, instead of once per case.
import type { FailureDetails } from './failure.ts';
import { describeExit, type RunningProgram } from './running-program.ts';
import type { Transcript } from './transcript.ts';

/** Digits vary from case to case (ports, pids, times): two runs of one mistake must give the same line. */
function normalized(line: string): string {
  return line.replace(/\d+/g, 'N').trim();
}

/** The program's last stderr line, as part of a cause: two different crashes must not be taken for one. */
function lastWords(program: RunningProgram): string {
  const last = program.stderr.lastLines(1)[0];
  return last ? `; its last stderr line: "${normalized(last).slice(0, 120)}"` : '; it wrote nothing to stderr';
}

/** The cause a failure names itself (a server that never listened), with the program's last words. */
export function declaredCause(details: FailureDetails, programs: RunningProgram[]): string | undefined {
  if (!details.cause) return undefined;
  const program = details.program ?? programs.at(-1);
  return program ? `${details.cause}${lastWords(program)}` : details.cause;
}

/**
 * A program that ended with an error before it did anything the grader could see (no byte sent, no connection,
 * nothing on stdout): an untouched skeleton, or a crash at start-up. Undefined when the program did something.
 */
export function exitedBeforeDoingAnything(programs: RunningProgram[], transcript: Transcript): string | undefined {
  if (programs.length !== 1) return undefined;
  const [program] = programs;
  const status = program.exitStatus;
  if (!status || (status.code === 0 && !status.signal) || program.stoppedBecause) return undefined;
  if (program.stdout.total > 0 || transcript.hasData) return undefined;
  return `your ${program.prepared.role} ${describeExit(status)} before it sent or printed anything${lastWords(program)}`;
}
