// Whether this machine can build the sandbox (bubblewrap with user, PID and network namespaces), asked once per process.
import { execFileSync, spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** What the sandbox can use here; `reason` says in a student's words why it is off. */
export type SandboxSupport =
  | { available: true; bwrap: string; version: string; asRoot: boolean }
  | { available: false; reason: string };

let cached: SandboxSupport | undefined;

/** The first executable file named `command` on the PATH. */
export function findOnPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch { /* not here */ }
  }
  return undefined;
}

function detect(): SandboxSupport {
  if (process.env.SOCKLAB_SANDBOX === 'off') return { available: false, reason: 'SOCKLAB_SANDBOX=off is set' };
  if (process.platform !== 'linux') {
    return { available: false, reason: `bubblewrap needs Linux namespaces, and this is ${process.platform}` };
  }
  const bwrap = findOnPath('bwrap');
  if (!bwrap) return { available: false, reason: 'bwrap (Debian/Ubuntu package bubblewrap) is not installed' };
  let version = '';
  try {
    version = execFileSync(bwrap, ['--version'], { encoding: 'utf8' }).trim().replace(/^bubblewrap\s*/, '');
  } catch { /* an old bwrap without --version still may work; the probe below decides */ }
  // The probe asks for what every program gets: its own user (when not root), PID, IPC and UTS namespaces.
  const asRoot = process.getuid?.() === 0;
  const probe = spawnSync(bwrap, [...(asRoot ? [] : ['--unshare-user']), '--unshare-pid', '--unshare-ipc', '--unshare-uts',
    '--ro-bind', '/', '/', '--proc', '/proc', '--', 'true'], { encoding: 'utf8', timeout: 10_000 });
  if (probe.status !== 0) {
    const why = (probe.stderr || probe.error?.message || `exit status ${probe.status}`).trim().split('\n')[0];
    return { available: false, reason: `bwrap cannot create namespaces here (${why}); a container without user namespaces?` };
  }
  return { available: true, bwrap, version, asRoot };
}

// The grader's own child processes (the grading network's CLI, the test runner's workers) inherit what was detected;
// the students' programs never see it (their environment is built from scratch).
const INHERITED = 'SOCKLAB_SANDBOX_SUPPORT';

/** The sandbox support of this machine, detected once per grading run (two bwrap starts) and remembered. */
export function sandboxSupport(): SandboxSupport {
  if (cached) return cached;
  const inherited = process.env[INHERITED];
  if (inherited && process.env.SOCKLAB_SANDBOX !== 'off') {
    try {
      cached = JSON.parse(inherited) as SandboxSupport;
      return cached;
    } catch { /* detect again */ }
  }
  cached = detect();
  process.env[INHERITED] = JSON.stringify(cached);
  return cached;
}

/** The protections a program runs without when the sandbox is off, for the one notice a grading run prints. */
export const PROTECTIONS_OFF = [
  'a child a program starts in its own session can outlive its case',
  'programs can read every file your user can read (the kit and its solutions included)',
  'programs can reach every network interface and see every process on the machine',
  'no limit on processes (a fork bomb), open files or disk written',
];
