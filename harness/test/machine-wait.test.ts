// The run-queue delay the busy-machine credit is built on: it grows while a process is ready but finds no free core.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { describe, expect, test } from 'vitest';
import { MACHINE_WAIT_CAP, runQueueWaitMs, withBusyMachineCredit } from '../machine-wait.ts';
import { waitUntil } from '../transport/deadline.ts';
import { WakeSignal } from '../transport/wake-signal.ts';

const spin = (ms: number) => spawn(process.execPath, ['-e', `const end = Date.now() + ${ms}; while (Date.now() < end);`]);

describe.runIf(process.platform === 'linux')('runQueueWaitMs', () => {
  test('is 0 for a process that does not exist', () => {
    expect(runQueueWaitMs([2 ** 22 + 12345])).toBe(0);
  });

  test('grows for busy processes that outnumber the cores', async () => {
    const spinners = Array.from({ length: 2 * os.availableParallelism() + 2 }, () => spin(1500));
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const waited = runQueueWaitMs(spinners.map((child) => child.pid!));
    await Promise.all(spinners.map((child) => new Promise((resolve) => child.once('exit', resolve))));
    // More runnable processes than cores: together they waited for a core for a good part of that second.
    expect(waited).toBeGreaterThan(200);
  });

  test('a socket wait inside a case gives the time back, up to its cap; outside a case it does not', async () => {
    const spinners = Array.from({ length: 2 * os.availableParallelism() + 2 }, () => spin(4000));
    try {
      await new Promise((resolve) => setTimeout(resolve, 500));
      const timed = async (work: () => Promise<boolean>) => { const started = Date.now(); expect(await work()).toBe(false); return Date.now() - started; };
      const never = () => waitUntil(new WakeSignal(), () => false, 600);
      const plain = await timed(never);
      const givenBack = { ms: 0 };
      const fair = await timed(() => withBusyMachineCredit(() => spinners.map((child) => child.pid!), never, givenBack));
      // The spinners outnumber the cores: together they wait for a core faster than the clock runs.
      expect(fair - plain).toBeGreaterThan(500);
      expect(fair).toBeLessThan(MACHINE_WAIT_CAP * 600 + 1500);
      // The case's failure message will say how much longer than "600 ms" the wait was.
      expect(givenBack.ms).toBeGreaterThan(400);
      expect(givenBack.ms).toBeLessThanOrEqual((MACHINE_WAIT_CAP - 1) * 600);
    } finally {
      for (const child of spinners) child.kill();
    }
  });
});

