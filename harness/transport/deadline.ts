// The kit's one pause and its one deadline loop: every wait for a socket event goes through `waitUntil`.
import type { WakeSignal } from './wake-signal.ts';

/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Waits until `done()` holds, re-checking it at every `signal` notification, for at most `ms`: true when it held,
 * false when the time ran out (or, with `hopeless`, as soon as that says it never will).
 */
export async function waitUntil(signal: WakeSignal, done: () => boolean, ms: number, hopeless: () => boolean = () => false): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (done()) return true;
    const left = deadline - Date.now();
    if (left <= 0 || hopeless()) return false;
    await signal.wait(left);
  }
}
