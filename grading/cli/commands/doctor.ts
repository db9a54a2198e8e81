// `socklab doctor`: what this machine supports for grading (the sandbox and its parts, the tools the hints name).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { onlyLoopback, isolatedNetworkLaunch } from '../../../harness/sandbox/grading-network.ts';
import { DISK_LIMIT_BYTES, OPEN_FILES_LIMIT, PROCESS_LIMIT } from '../../../harness/sandbox/limits.ts';
import { childrenListed } from '../../../harness/sandbox/members.ts';
import { findOnPath, sandboxSupport } from '../../../harness/sandbox/support.ts';
import { parseOptions } from '../options.ts';

const mark = (ok: boolean) => (ok ? 'yes' : 'NO ');

/** Whether bwrap can run `true` with these extra options. */
function bwrapRuns(bwrap: string, options: string[]): boolean {
  return spawnSync(bwrap, [...options, '--ro-bind', '/', '/', '--proc', '/proc', '--', 'true'], { timeout: 10_000 }).status === 0;
}

function firstLine(command: string, args: string[]): string | undefined {
  const run = spawnSync(command, args, { encoding: 'utf8', timeout: 10_000 });
  if (run.status !== 0 && !run.stdout && !run.stderr) return undefined;
  return `${run.stdout}${run.stderr}`.trim().split('\n')[0];
}

function sysctl(name: string): string {
  const file = `/proc/sys/${name.replaceAll('.', '/')}`;
  return existsSync(file) ? readFileSync(file, 'utf8').trim() : 'absent';
}

export async function doctorCommand(args: string[]): Promise<number> {
  parseOptions('doctor', args, {});
  const support = sandboxSupport();
  const asRoot = process.getuid?.() === 0;
  console.log(`socklab doctor · ${process.platform} ${process.arch} · node ${process.version} · ${asRoot ? 'root' : `uid ${process.getuid?.()}`}`);
  console.log('\nsandbox (bubblewrap)');
  const bwrap = findOnPath('bwrap');
  console.log(`  bwrap                      ${bwrap ? `${bwrap} (${firstLine(bwrap, ['--version']) ?? 'version unknown'})` : 'not installed (Debian/Ubuntu: apt install bubblewrap)'}`);
  if (process.platform === 'linux') {
    console.log(`  user.max_user_namespaces   ${sysctl('user.max_user_namespaces')}`);
    console.log(`  unprivileged_userns_clone  ${sysctl('kernel.unprivileged_userns_clone')}`);
  }
  if (bwrap) {
    console.log(`  user namespace             ${mark(bwrapRuns(bwrap, ['--unshare-user']))}`);
    console.log(`  PID namespace              ${mark(bwrapRuns(bwrap, [...(asRoot ? [] : ['--unshare-user']), '--unshare-pid']))}`);
    // /proc/net/dev lists the interfaces of the reader's own network namespace (sysfs would show the host's).
    const net = isolatedNetworkLaunch('sh', ['-c', "tail -n +3 /proc/net/dev | cut -d: -f1 | tr -d ' ' | tr '\\n' ' '"]);
    const seen = net ? firstLine(net.command, net.args)?.trim() : undefined;
    console.log(`  network namespace          ${mark(net !== undefined && seen !== undefined)}${seen ? ` (interfaces inside: ${seen})` : ''}`);
  }
  for (const tool of ['setpriv', 'prlimit', 'env']) console.log(`  ${tool.padEnd(27)}${findOnPath(tool) ?? 'NOT FOUND'}`);
  if (process.platform === 'linux') {
    console.log(`  process tree in /proc      ${childrenListed ? 'yes' : 'NO  (kernel without CONFIG_PROC_CHILDREN: the limits on memory and processes cannot see a program\'s children, and a busy machine\'s credit reads all of /proc)'}`);
  }
  console.log(`  limits per program         ${PROCESS_LIMIT} processes and threads, ${OPEN_FILES_LIMIT} open files, ${DISK_LIMIT_BYTES / 2 ** 20} MiB of /tmp, 1 GiB of memory`);
  console.log(`  this process sees          ${onlyLoopback() ? 'loopback only' : 'more than loopback (grading re-runs itself in its own network namespace)'}`);
  console.log(`  verdict                    ${support.available ? `sandbox on${asRoot ? ' (as root: each program runs under a user id of its own)' : ''}` : `sandbox OFF: ${support.reason}`}`);

  console.log('\ntools the failure messages and real peers use');
  const tools: Array<[string, string[]]> = [['nc', ['-h']], ['curl', ['--version']], ['dig', ['-v']], ['kdig', ['--version']],
    ['swaks', ['--version']], ['dnsmasq', ['--version']], ['python3', ['--version']]];
  for (const [tool, versionArgs] of tools) {
    const found = findOnPath(tool);
    const version = (firstLine(found ?? tool, versionArgs) ?? '').slice(0, 60);
    console.log(`  ${tool.padEnd(27)}${found ? `${found}  ${version}`.trimEnd() : 'not found'}`);
  }
  const aiosmtpd = existsSync('/usr/bin/python3') && spawnSync('/usr/bin/python3', ['-c', 'import aiosmtpd'], { timeout: 10_000 }).status === 0;
  console.log(`  aiosmtpd (/usr/bin/python3) ${aiosmtpd ? 'yes' : 'no'}`);
  return support.available ? 0 : 1;
}
