// `SOCKLAB_START_LOG=FILE`: a line for each program the harness starts, so that the bench can count a class's program
// starts (what its grading time cannot go below, docs/performance.md). Off unless set; never seen by a program.
import { appendFileSync } from 'node:fs';

/** Notes one program start in the start log, when there is one. */
export function logProgramStart(file: string): void {
  const log = process.env.SOCKLAB_START_LOG;
  if (!log) return;
  try { appendFileSync(log, `${file}\n`); } catch { /* a bench aid: it must never fail a case */ }
}
