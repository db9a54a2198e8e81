// Stops a program whose memory runs away (a print loop piling output up in its own buffers), before the machine suffers.
import { PROCESS_LIMIT } from './sandbox/limits.ts';
import { usage } from './sandbox/members.ts';

/** Resident memory a student program may use; far above what any exercise needs. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

/**
 * Polls the resident memory and the thread count of a program's processes (Linux) and calls `onExceed` once, with
 * the limit in a student's words, when either passes its limit; returns a stop function. The process limit itself
 * is enforced by the sandbox (RLIMIT_NPROC); a fork bomb held there would spin until its case ends, so a program past
 * half of it is stopped (no exercise needs more than a dozen threads; a fork bomb on a loaded machine, held at the
 * limit, keeps about 200 alive at a time, not the full 256).
 */
export function watchMemory(members: () => number[], onExceed: (reason: string) => void, limit = MEMORY_LIMIT_BYTES): () => void {
  if (process.platform !== 'linux') return () => {};
  const timer = setInterval(() => {
    const { residentBytes, tasks } = usage(members());
    const reason = residentBytes > limit ? `it used more than ${limit / 2 ** 30} GiB of memory`
      : tasks > PROCESS_LIMIT / 2 ? `it ran more than ${PROCESS_LIMIT / 2} processes and threads at once, half the sandbox's limit of ${PROCESS_LIMIT} (a fork bomb?)`
        : undefined;
    if (reason) {
      clearInterval(timer);
      onExceed(reason);
    }
  }, 250);
  timer.unref();
  return () => clearInterval(timer);
}
