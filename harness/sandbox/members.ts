// The processes of one sandbox, found from the host: every process of a PID namespace descends from its bwrap,
// because the namespace's init (bwrap's reaper, a child of bwrap) adopts whatever a program orphans.
import { existsSync, readdirSync, readFileSync } from 'node:fs';

/** Whether this kernel lists each task's children in /proc (CONFIG_PROC_CHILDREN, on in the usual distributions). */
export const childrenListed = process.platform === 'linux' && existsSync(`/proc/self/task/${process.pid}/children`);

function children(pid: number): number[] {
  const found: number[] = [];
  let tasks: string[];
  try { tasks = readdirSync(`/proc/${pid}/task`); } catch { return found; }
  for (const task of tasks) {
    let list: string;
    try { list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8'); } catch { continue; }
    for (const word of list.split(' ')) if (word.trim()) found.push(Number(word));
  }
  return found;
}

/**
 * `pid` and all its descendants that are alive, read from /proc (Linux only). Zombies are left out unless asked
 * for: they are gone for the program, but until reaped they still count against the limit on processes.
 */
export function descendants(pid: number, withZombies = false): number[] {
  const alive: number[] = [];
  const seen = new Set<number>();
  const queue = [pid];
  while (queue.length > 0) {
    const next = queue.shift() as number;
    if (seen.has(next)) continue;
    seen.add(next);
    let stat: string;
    try { stat = readFileSync(`/proc/${next}/stat`, 'utf8'); } catch { continue; }
    const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
    if (withZombies || (state !== 'Z' && state !== 'X')) alive.push(next);
    queue.push(...children(next));
  }
  return alive;
}

/** Resident bytes and threads (processes count as one thread each) of a set of processes. */
export function usage(pids: number[]): { residentBytes: number; tasks: number } {
  let residentBytes = 0;
  let tasks = 0;
  for (const pid of pids) {
    let status: string;
    try { status = readFileSync(`/proc/${pid}/status`, 'utf8'); } catch { continue; }
    residentBytes += Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) * 1024;
    tasks += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? 1);
  }
  return { residentBytes, tasks };
}
