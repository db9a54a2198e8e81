// How long the machine kept a program from running: the time its processes were ready to run but waited for a
// core (Linux's run-queue delay, /proc/<pid>/schedstat). A deadline that counts only wall time blames a correct
// program for a busy machine; a deadline that gives this time back does not.
import { AsyncLocalStorage } from 'node:async_hooks';
import { readFileSync } from 'node:fs';

/** Milliseconds the processes (each main thread) have spent waiting for a core since they started; 0 off Linux. */
export function runQueueWaitMs(pids: number[]): number {
  let waitedNs = 0;
  for (const pid of pids) {
    try {
      // "time on a core (ns)  time waiting for a core (ns)  time slices"
      waitedNs += Number(readFileSync(`/proc/${pid}/schedstat`, 'utf8').split(' ')[1] ?? 0);
    } catch { /* gone, or not Linux */ }
  }
  return waitedNs / 1e6;
}

/** At most this many times its deadline may a program be given back for a busy machine: a hang still ends. */
export const MACHINE_WAIT_CAP = 3;

/**
 * From now on, how long the machine kept the program from running, and with `grader` also the grader itself (whose
 * late sends delay a program in a dialogue as surely): a deadline adds the larger, up to its cap. A wait that only
 * the program can end (its start, its listen) counts the program's alone: a busy grader does not slow those.
 */
export function busyMachineCredit(programPids: () => number[], options: { grader?: boolean } = {}): () => number {
  const programBefore = runQueueWaitMs(programPids());
  const graderBefore = options.grader ? runQueueWaitMs([process.pid]) : 0;
  return () => Math.max(runQueueWaitMs(programPids()) - programBefore,
    options.grader ? runQueueWaitMs([process.pid]) - graderBefore : 0);
}

/** What a case's waits were given back: the failure message says so, since its "within N ms" was then longer. */
export interface GivenBack { ms: number }

/** The processes of the programs under test in the running case, and what its waits were given back; none outside a case. */
const caseProcesses = new AsyncLocalStorage<{ programPids: () => number[]; givenBack: GivenBack }>();

/** Runs a case's body so that every socket wait inside it is fair to a busy machine (see `waitCredit`). */
export function withBusyMachineCredit<T>(programPids: () => number[], work: () => Promise<T>, givenBack: GivenBack = { ms: 0 }): Promise<T> {
  return caseProcesses.run({ programPids, givenBack }, work);
}

/** Notes that a wait of the running case was extended by `ms` for a busy machine (nothing outside a case). */
export function noteGivenBack(ms: number): void {
  const store = caseProcesses.getStore();
  if (store && ms > 0) store.givenBack.ms = Math.max(store.givenBack.ms, Math.round(ms));
}

/**
 * For a wait inside a case: from now on, how long the machine kept the case's programs, or the grader itself, from
 * running (the larger). A reply that is late because nobody got a core is not the program's fault. Undefined outside
 * a case (the harness's own tests keep their plain deadlines).
 */
export function waitCredit(): (() => number) | undefined {
  const store = caseProcesses.getStore();
  return store ? busyMachineCredit(store.programPids, { grader: true }) : undefined;
}
