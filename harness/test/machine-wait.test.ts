// The run-queue delay the busy-machine credit is built on: it grows while a process is ready but finds no free core.
import { spawn } from 'node:child_process';
import os from 'node:os';
import { describe, expect, test } from 'vitest';
import { runQueueWaitMs } from '../machine-wait.ts';

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
});
