// The grading run's own network: a fresh network namespace with only loopback up, shared by the grader and every
// program it starts, so that no case can reach (or be reached from) anything but 127.0.0.1 and ::1.
import os from 'node:os';
import { sandboxSupport } from './support.ts';

/** Whether this process sees no network interface but loopback (inside the grading namespace, or a bare container). */
export function onlyLoopback(): boolean {
  return Object.keys(os.networkInterfaces()).every((name) => name === 'lo');
}

/** The command line that runs `command args` in a fresh network namespace (bwrap brings `lo` up), or undefined. */
export function isolatedNetworkLaunch(command: string, args: string[]): { command: string; args: string[] } | undefined {
  const support = sandboxSupport();
  if (!support.available) return undefined;
  // Everything else stays as it is (the same files, processes and user): only the network is new.
  return {
    command: support.bwrap,
    args: [...(support.asRoot ? [] : ['--unshare-user']), '--unshare-net', '--dev-bind', '/', '/', '--die-with-parent',
      '--', command, ...args],
  };
}
