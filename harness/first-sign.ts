// Deadlines for a client count from its first sign of life (its first datagram, its connection), not from spawn:
// a runtime that starts slowly (Python on a busy machine) is waited for within the scaled start-up budget.
import { GradingFailure } from './failure.ts';
import { busyMachineCredit, MACHINE_WAIT_CAP, noteGivenBack } from './machine-wait.ts';
import type { RunningProgram } from './running-program.ts';
import { timeout } from './timeouts.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until `sign()` holds or the program exits, for at most the start-up budget; returns when the program's
 * own clock may be said to have started. A program still silent after the budget fails with a message that says
 * a slow start is counted too. A program that exited is left to the case's own checks.
 */
export async function awaitFirstSign(program: RunningProgram, sign: () => boolean, what: string, repro?: string[]): Promise<void> {
  const budget = timeout('startup');
  const started = performance.now();
  // The time the program waited for a core is given back, up to MACHINE_WAIT_CAP times the budget.
  const credit = busyMachineCredit(() => program.processTree());
  // The credit is read only once the plain budget has passed: most programs show themselves long before.
  const deadline = () => (performance.now() < started + budget ? started + budget : started + Math.min(budget + credit(), MACHINE_WAIT_CAP * budget));
  while (!sign() && !program.exitStatus && performance.now() < deadline()) await sleep(20);
  noteGivenBack(Math.min(performance.now(), deadline()) - started - budget);
  if (sign() || program.exitStatus) return;
  throw new GradingFailure({
    summary: `your ${program.prepared.role} had not ${what} ${budget} ms after it was started`,
    hint: `The start-up budget (${budget} ms) covers a slow start: an interpreter that takes seconds to load on a busy\n` +
      'machine counts against it. If your program was still starting, run again with a larger --timeout-scale;\n' +
      'otherwise it is waiting for something before it sends: stdin (it has been closed), or a reply.',
    repro,
  });
}
