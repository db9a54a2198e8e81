// The wake signal the grader's sockets sleep on: a notify wakes every waiter at once, and a deadline ends a wait.
import { describe, expect, test } from 'vitest';
import { WakeSignal } from '../transport/wake-signal.ts';

describe('WakeSignal', () => {
  test('one notify wakes two waiters at once, long before their deadlines', async () => {
    const signal = new WakeSignal();
    const started = Date.now();
    const both = Promise.all([signal.wait(10_000), signal.wait(10_000)]);
    setTimeout(() => signal.notify(), 20);
    await both;
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('a wait nobody notifies ends at its deadline, and the signal still wakes the next waiter', async () => {
    const signal = new WakeSignal();
    await signal.wait(10);
    let woken = false;
    const next = signal.wait(10_000).then(() => { woken = true; });
    signal.notify();
    await next;
    expect(woken).toBe(true);
  });
});
