// bwrap reports a program killed by a signal as exit code 128 + the signal's number; the grader says "killed by".
import { constants } from 'node:os';

const NAMES = new Map(Object.entries(constants.signals).map(([name, number]) => [number, name]));

/** The exit status of the program inside the sandbox, from the one bwrap exited with. */
export function programExitStatus(code: number | null, signal: string | null): { code: number | null; signal: string | null } {
  if (signal !== null || code === null || code <= 128) return { code, signal };
  const name = NAMES.get(code - 128);
  return name ? { code: null, signal: name } : { code, signal };
}
