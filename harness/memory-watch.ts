// Stops a program whose memory runs away (a print loop piling output up in its own buffers), before the machine suffers.
import { readFile } from 'node:fs/promises';

/** Resident memory a student program may use; far above what any exercise needs. */
export const MEMORY_LIMIT_BYTES = 1024 * 1024 * 1024;

async function residentBytes(pid: number): Promise<number> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

/** Polls the process's resident memory (Linux) and calls `onExceed` once past the limit; returns a stop function. */
export function watchMemory(pid: number, onExceed: () => void, limit = MEMORY_LIMIT_BYTES): () => void {
  if (process.platform !== 'linux') return () => {};
  const timer = setInterval(() => {
    void residentBytes(pid).then((bytes) => {
      if (bytes > limit) {
        clearInterval(timer);
        onExceed();
      }
    });
  }, 250);
  timer.unref();
  return () => clearInterval(timer);
}
