// Names the cause of a failure when many cases may share it (a program that never listened, exited at once, does
// not compile), so that a report shows that cause once, with the list of cases it cost, instead of once per case.
import type { FailureDetails } from './failure.ts';
import { describeExit, type RunningProgram } from './running-program.ts';
import type { Transcript } from './transcript.ts';

/** The cause a failure names itself (a server that never listened, a program that cannot run). */
export function declaredCause(details: FailureDetails): string | undefined {
  return details.cause;
}

/**
 * A program that ended with an error before it did anything the grader could see (no byte sent, nothing on
 * stdout): an untouched skeleton, or a crash at start-up. Undefined when the program did something. The sentence
 * names no port, path or text that differs from case to case, so that every case it cost gives the same one.
 */
export function exitedBeforeDoingAnything(programs: RunningProgram[], transcript: Transcript): string | undefined {
  if (programs.length === 0 || transcript.hasData) return undefined;
  const sentences = new Set<string>();
  for (const program of programs) {
    const status = program.exitStatus;
    if (!status || (status.code === 0 && !status.signal) || program.stoppedBecause || program.stdout.total > 0) return undefined;
    sentences.add(`your ${program.prepared.role} ${describeExit(status)} before it sent or printed anything`);
  }
  // A case that started the program several times: one cause only when every run ended the same way.
  return sentences.size === 1 ? [...sentences][0] : undefined;
}
