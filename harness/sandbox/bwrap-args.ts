// The one place that says what a sandboxed program sees: the bubblewrap command line around a program's own.
import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { resolveInterpreter } from './interpreter.ts';
import { DISK_LIMIT_BYTES, OPEN_FILES_LIMIT, PROCESS_LIMIT } from './limits.ts';
import { findOnPath, sandboxSupport } from './support.ts';

/** The system folders every program sees, read-only (those that exist here). */
const SYSTEM = ['/usr', '/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32', '/etc'];

/** The kit's own folder: nothing inside it is shown to a program but the program's own files. */
const KIT_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** A command line ready for execa, and whether it runs inside the sandbox. */
export interface Launch { command: string; args: string[]; sandboxed: boolean }

/** A user id of the program's own when the grader runs as root: RLIMIT_NPROC does not bind root. */
function programUid(): number {
  return 0x50000000 + Math.floor(Math.random() * 0x1000000);
}

function systemView(): string[] {
  const args: string[] = [];
  for (const folder of SYSTEM) {
    if (!existsSync(folder)) continue;
    // Merged-/usr systems make /bin a symlink: keep it one, rather than mounting /usr/bin twice.
    if (lstatSync(folder).isSymbolicLink()) args.push('--symlink', readlinkSync(folder), folder);
    else args.push('--ro-bind', folder, folder);
  }
  return args;
}

/** Whether a path the program is given may be shown to it: never the kit's root or anything above it. */
function showable(file: string): boolean {
  const resolved = path.resolve(file);
  return resolved !== '/' && !KIT_ROOT.startsWith(resolved.endsWith('/') ? resolved : `${resolved}/`);
}

/**
 * Wraps `command args` in bubblewrap: own PID, IPC and UTS namespaces (and user namespace when not root), the
 * grader's network namespace, a read-only system, the program's folder read-only, a private size-limited /tmp, and
 * limits on processes and open files. Returns the command unchanged when the sandbox is off.
 */
export function sandboxLaunch(command: string, args: string[], cwd: string, readable: string[] = []): Launch {
  const support = sandboxSupport();
  if (!support.available) return { command, args, sandboxed: false };
  // A command that does not exist is left to fail to start, as outside the sandbox (the kit reports it).
  if (!findOnPath(command) && !existsSync(command)) return { command, args, sandboxed: false };
  const interpreter = resolveInterpreter(command);
  const executable = interpreter?.executable ?? command;
  const binds: string[] = [];
  const made = new Set<string>(['/', '/tmp']);
  const bound: string[] = [];
  const show = (file: string) => {
    if (!existsSync(file) || !showable(file) || bound.some((folder) => file === folder || file.startsWith(`${folder}/`))) return;
    // Parent folders are made 0755: bwrap would copy their modes (a home folder's 0700 would hide what is inside).
    const parents: string[] = [];
    for (let parent = path.dirname(file); !made.has(parent); parent = path.dirname(parent)) parents.unshift(parent);
    for (const parent of parents) {
      made.add(parent);
      binds.push('--perms', '0755', '--dir', parent);
    }
    bound.push(file);
    binds.push('--ro-bind', file, file);
  };
  for (const folder of interpreter?.folders ?? []) if (!SYSTEM.some((system) => folder === system || folder.startsWith(`${system}/`))) show(folder);
  show(cwd);
  const workingFolder = bound.includes(cwd) ? cwd : '/tmp';
  // The program's file (a compiled build outside its folder) and any path it is given, such as a site to serve.
  for (const arg of args) if (path.isAbsolute(arg)) show(arg);
  for (const folder of readable) show(folder);

  const asRoot = support.asRoot;
  const uid = programUid();
  const inner = [
    ...(asRoot ? ['setpriv', `--reuid=${uid}`, `--regid=${uid}`, '--clear-groups', '--inh-caps=-all'] : []),
    'prlimit', `--nproc=${PROCESS_LIMIT}`, `--nofile=${OPEN_FILES_LIMIT}`, '--',
    // The wrapper below ignores SIGTERM so that bwrap outlives it; the program gets the default back.
    'env', '--default-signal=TERM', executable, ...args,
  ];
  const bwrap = [
    support.bwrap,
    ...(asRoot ? ['--cap-add', 'CAP_SETUID', '--cap-add', 'CAP_SETGID'] : ['--unshare-user']),
    // --die-with-parent ends bwrap's init, and with it the whole PID namespace, when bwrap exits: RunningProgram's stop
    // relies on it (nothing of a sandboxed program outlives its exit).
    '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try', '--die-with-parent',
    ...systemView(),
    '--proc', '/proc', '--dev', '/dev',
    '--perms', '1777', '--size', String(DISK_LIMIT_BYTES), '--tmpfs', '/tmp',
    ...binds,
    '--setenv', 'HOME', '/tmp', '--setenv', 'TMPDIR', '/tmp',
    '--chdir', workingFolder,
    '--', ...inner,
  ];
  // The harness stops a program with SIGTERM to its process group, then SIGKILL. bwrap would die of the SIGTERM at
  // once and take the program with it, unwarned: the shell makes bwrap ignore it, so only the program receives it.
  return { command: '/bin/sh', args: ['-c', 'trap "" TERM; exec "$0" "$@"', ...bwrap], sandboxed: true };
}
