// Stops a program together with every process it started, and checks that none of them is left.
import { readdirSync, readFileSync } from 'node:fs';
import { sleep } from './transport/deadline.ts';

/** False when no process at all, living or zombie, is left in the group: one system call. */
function anyInGroup(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** The processes still alive (not zombies) in a process group; read from /proc on Linux, else by signal 0. */
export function livingMembers(pgid: number): number[] {
  if (process.platform !== 'linux') return anyInGroup(pgid) ? [pgid] : [];
  // An empty group (the usual case once a program has exited) costs one system call instead of reading every
  // process's stat; only when some process is there are zombies told apart from the living.
  if (!anyInGroup(pgid)) return [];
  const alive: number[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try { stat = readFileSync(`/proc/${name}/stat`, 'utf8'); } catch { continue; }
    // Fields after the command name (which may hold spaces) start at the last ')': state ppid pgrp …
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X') alive.push(Number(name));
  }
  return alive;
}

/** Sends `signal` to every process of a group; nothing when the group is gone. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pgid, signal); } catch { /* the group is already gone */ }
}


/** Reading all of /proc to tell zombies apart is done this often while a group is going away; signal 0 in between. */
const FULL_LOOK_MS = 200;

async function waitUntilGone(pgid: number, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  for (let lastFullLook = 0; ;) {
    if (!anyInGroup(pgid)) return true;
    // Only zombies left (their parent has not reaped them yet) is gone too, but only /proc can tell.
    if (Date.now() - lastFullLook >= FULL_LOOK_MS || Date.now() >= deadline) {
      lastFullLook = Date.now();
      if (livingMembers(pgid).length === 0) return true;
    }
    if (Date.now() >= deadline) return false;
    await sleep(20);
  }
}

/** SIGTERM to the whole group, then SIGKILL after `graceMs`; resolves once no member is alive. */
export async function stopGroup(pgid: number, graceMs: number): Promise<{ killed: boolean }> {
  if (livingMembers(pgid).length === 0) return { killed: false };
  signalGroup(pgid, 'SIGTERM');
  if (await waitUntilGone(pgid, graceMs)) return { killed: false };
  signalGroup(pgid, 'SIGKILL');
  await waitUntilGone(pgid, 2000);
  return { killed: true };
}

const running = new Set<number>();

/** Remembers a group so that it is killed even if the grader itself is stopped mid-case. */
export function trackGroup(pgid: number): void {
  running.add(pgid);
}

export function untrackGroup(pgid: number): void {
  running.delete(pgid);
}

process.once('exit', () => {
  for (const pgid of running) signalGroup(pgid, 'SIGKILL');
});
