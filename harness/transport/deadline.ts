// The kit's one pause and its one deadline loop: every wait for a socket event goes through `waitUntil`.
import { MACHINE_WAIT_CAP, noteGivenBack, waitCredit } from '../machine-wait.ts';
import type { WakeSignal } from './wake-signal.ts';

/** Waits at least this long get the busy machine's time back. */
const CREDIT_FROM_MS = 500;

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until `done()` holds, re-checking it at every `signal` notification, for at most `ms`: true when it held,
 * false when the time ran out (or, with `hopeless`, as soon as that says it never will). Inside a case, the time the
 * machine kept the case's programs or the grader from a core is added, up to MACHINE_WAIT_CAP times `ms`.
 */
export async function waitUntil(signal: WakeSignal, done: () => boolean, ms: number, hopeless: () => boolean = () => false): Promise<boolean> {
  const started = Date.now();
  let deadline = started + ms;
  // Short waits are not worth the reading of /proc: a busy machine shows in the replies the grader waits seconds for.
  const credit = Number.isFinite(ms) && ms >= CREDIT_FROM_MS ? waitCredit() : undefined;
  // What the wait used of its extension, for the failure message (nothing when it ended within `ms`).
  const ended = <T>(result: T): T => { noteGivenBack(Math.min(Date.now(), deadline) - started - ms); return result; };
  for (;;) {
    if (done()) return ended(true);
    if (hopeless()) return ended(false);
    if (Date.now() >= deadline) {
      if (!credit) return false;
      const extended = Math.min(started + ms + credit(), started + MACHINE_WAIT_CAP * ms);
      if (extended <= deadline + 10) return ended(false);
      deadline = extended;
    }
    await signal.wait(deadline - Date.now());
  }
}
