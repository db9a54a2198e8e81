// The limits every sandboxed program runs under, in one place, and the words that name one when a program hits it.

const MiB = 1024 * 1024;

/** Processes and threads of one program together (RLIMIT_NPROC, counted per program: its own user id). */
export const PROCESS_LIMIT = 256;
/** Open files per process (RLIMIT_NOFILE); an exercise needs a few dozen. */
export const OPEN_FILES_LIMIT = 1024;
/** Bytes a program may write to its private temporary folder (a size-limited tmpfs), the only writable place. */
export const DISK_LIMIT_BYTES = 64 * MiB;

/** The sandbox's limits in a student's words, for the failure lines of a program that hit one. */
export function limitNotes(stderr: string): string[] {
  const notes: string[] = [];
  if (/EMFILE|too many open files/i.test(stderr)) {
    notes.push(`it hit the sandbox's limit of ${OPEN_FILES_LIMIT} open files per process (EMFILE): close sockets and files you are done with`);
  }
  if (/ENOSPC|EFBIG|No space left on device|File too large/i.test(stderr)) {
    notes.push(`it hit the sandbox's limit of ${DISK_LIMIT_BYTES / MiB} MiB written to its temporary folder (ENOSPC); everything else is read-only`);
  }
  if (/EROFS|Read-only file system/i.test(stderr)) {
    notes.push('it tried to write outside its temporary folder (EROFS): in the sandbox only /tmp is writable');
  }
  if (/EAGAIN.*(spawn|fork)|(spawn|fork).*EAGAIN|Resource temporarily unavailable|Cannot fork/i.test(stderr)) {
    notes.push(`it hit the sandbox's limit of ${PROCESS_LIMIT} processes and threads (EAGAIN on fork or spawn)`);
  }
  return notes;
}
