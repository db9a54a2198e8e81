// `socklab test <id> --watch`: grades again each time a file of the exercise is saved, until Ctrl-C.
import { watch } from 'node:fs';
import path from 'node:path';

/** Editors save in bursts (a temporary file, a rename, a write): one grading run per burst. */
const DEBOUNCE_MS = 300;

/**
 * Runs `once` now, then again after every burst of changes under `dir`; a change during a run queues one more run.
 * Resolves when the process is interrupted (SIGINT or SIGTERM).
 */
export async function watchAndRerun(dir: string, once: () => Promise<unknown>, log: (line: string) => void): Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  let timer: NodeJS.Timeout | undefined;
  const where = path.relative(process.cwd(), dir) || '.';
  const run = () => {
    if (running) { again = true; return; }
    running = (async () => {
      do {
        again = false;
        await once();
        log(`[socklab] watching ${where}/ for changes (Ctrl-C stops)`);
      } while (again);
    })().finally(() => { running = undefined; });
  };
  // Build folders and editor swap files are not the student's program.
  const watcher = watch(dir, { recursive: true }, (_, name) => {
    if (name && /(^|[\\/])(node_modules|__pycache__|\.git)([\\/]|$)|\.swp$|~$/.test(name)) return;
    clearTimeout(timer);
    timer = setTimeout(run, DEBOUNCE_MS);
  });
  run();
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  watcher.close();
  clearTimeout(timer);
  await running;
}
