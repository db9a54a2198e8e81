// Programs that attack the grader rather than fail by accident: each is contained by the sandbox (harness/sandbox/)
// within a time bound, its failure names the limit it met, and nothing of it survives: no process, no port.
import { readdirSync, readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { freePort, tcpPortsHeld } from '../ports.ts';
import { expectExit } from '../program-expectations.ts';
import { sandboxSupport } from '../sandbox/support.ts';
import { scaled, timeout } from '../timeouts.ts';
import { waitUntilListening } from '../wait-listening.ts';
import { expectNoSurvivors, prepareFixture, startFixture, stderrMatch } from './support/hostile.ts';
import { RunningProgram, type Launchable } from '../running-program.ts';

const stopBound = () => timeout('stopGrace') * 2 + scaled(5000);

/** Host pids whose command line contains `marker`, anywhere on the machine. */
function processesWith(marker: string): number[] {
  const found: number[] = [];
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try { if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(marker)) found.push(Number(pid)); } catch { /* gone */ }
  }
  return found;
}

async function startCommand(name: string): Promise<RunningProgram> {
  const prepared = await prepareFixture(name, 'command');
  if ('error' in prepared) throw new Error(`fixture ${name} did not prepare: ${prepared.error.summary}`);
  return new RunningProgram(prepared as Launchable, { args: [], stdin: '' });
}

// A fork bomb outside the sandbox would take the machine down: these run only where the sandbox is built.
describe.skipIf(!sandboxSupport().available).concurrent('programs that attack the grader, inside the sandbox', () => {
  test('a double-forked child in its own session holding a port: gone with the case, the port free', async () => {
    const [port, sparePort] = [await freePort('tcp'), await freePort('tcp')];
    const marker = `socklab-escape-${randomUUID()}`;
    const program = await startFixture('escapes-session', { args: ['--port', String(port), '--spare-port', String(sparePort), '--marker', marker] });
    expect(program.sandboxed).toBe(true);
    await waitUntilListening(program, port, 'tcp');
    await stderrMatch(program, /grandchild holds its port/, scaled(10_000));
    // The check below can fail: the grandchild is alive, outside the program's process group, holding its port.
    expect(processesWith(`${marker}-grandchild`)).toHaveLength(1);
    expect(tcpPortsHeld().has(sparePort)).toBe(true);
    const started = Date.now();
    await program.stop();
    expect(Date.now() - started).toBeLessThan(stopBound());
    await expectNoSurvivors(program);
    expect(processesWith(`${marker}-grandchild`), 'the detached grandchild survived').toEqual([]);
    expect(tcpPortsHeld().has(sparePort), 'its port is still held').toBe(false);
  });

  test('exits leaving a child in its own session: the child is gone with the program', async () => {
    const marker = `socklab-leftover-${randomUUID()}`;
    const prepared = await prepareFixture('exits-leaving-child', 'command');
    if ('error' in prepared) throw new Error(prepared.error.summary);
    const program = new RunningProgram(prepared as Launchable, { args: ['--marker', marker], stdin: '' });
    expect(program.sandboxed).toBe(true);
    await expectExit(program, { code: 0, withinMs: scaled(30_000) });
    // The check below can fail: outside the sandbox the child lives on, in a session and a group of its own.
    expect(program.stdout.head().toString()).toMatch(/^child \d+ runs/);
    // The kernel ends the namespace's last processes a moment after bubblewrap itself has exited: allow that moment.
    const gone = Date.now() + scaled(1000);
    while (processesWith(`${marker}-child`).length > 0 && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(processesWith(`${marker}-child`), 'the child outlived the program').toEqual([]);
    // stop() then has nothing to look for (RunningProgram.stop): it returns at once.
    const started = Date.now();
    await program.stop();
    expect(Date.now() - started).toBeLessThan(scaled(1000));
    await expectNoSurvivors(program);
  });

  test('a fork bomb: held at the process limit, stopped, and the failure names the limit', async () => {
    const port = await freePort('tcp');
    const program = await startFixture('fork-bomb', { args: ['--port', String(port)] });
    expect(program.sandboxed).toBe(true);
    // It may be stopped before a wait for its port would see it listening: only its stop is awaited.
    const status = await program.waitForExit(scaled(20_000));
    expect(status, 'the fork bomb was not stopped').toBeDefined();
    expect(program.stoppedBecause).toBe("it ran more than 128 processes and threads at once, half the sandbox's limit of 256 (a fork bomb?)");
    expect(program.describeState()[0]).toContain('the grader stopped it because it ran more than 128 processes and threads at once');
    await program.stop();
    await expectNoSurvivors(program);
  });

  test('a snoop: no kit, no solutions, no other process in sight', async () => {
    const program = await startCommand('snoops');
    await expectExit(program, { code: 0, withinMs: scaled(30_000) });
    const found = JSON.parse(program.stdout.head().toString()) as { solutions: string[]; kits: string[]; processes: string[] };
    expect(found.solutions, '../../solutions and above').toEqual([]);
    expect(found.kits, 'folders holding solutions/ and grading/').toEqual([]);
    // It sees itself and bwrap's reaper (pid 1 of its namespace), nothing of the grader's.
    expect(found.processes.filter((cmdline) => !cmdline.startsWith('bwrap') && !cmdline.includes('command.mjs'))).toEqual([]);
    expect(found.processes.join('\n')).not.toMatch(/vitest|--out/);
    await expectNoSurvivors(program);
  });

  test('a large file: its folder is read-only, /tmp stops at 64 MiB, and the failure names the limit', async () => {
    const program = await startCommand('fills-disk');
    await expectExit(program, { code: 1, withinMs: scaled(30_000) });
    const lines = program.stdout.head().toString().trim().split('\n');
    expect(lines[0]).toMatch(/: EROFS after 0 bytes$/);
    expect(lines[1]).toMatch(/^\/tmp: ENOSPC after \d+ bytes$/);
    expect(Number(/after (\d+)/.exec(lines[1])?.[1])).toBeLessThanOrEqual(64 * 1024 * 1024);
    const state = program.describeState().join('\n');
    expect(state).toContain("it hit the sandbox's limit of 64 MiB written to its temporary folder (ENOSPC)");
    expect(state).toContain('in the sandbox only /tmp is writable');
    await expectNoSurvivors(program);
  });
});
