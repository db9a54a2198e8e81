// Shared by the harness tests: where the hostile fixtures live, how to start one, and how to check that a failure
// came in bounded time and left no process behind.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect } from 'vitest';
import { prepareProgram, type PreparedProgram } from '../../prepare-program.ts';
import { livingMembers } from '../../process-group.ts';
import { RunningProgram, type Launchable, type LaunchOptions } from '../../running-program.ts';
import { scaled } from '../../timeouts.ts';

/** The folder of one hostile fixture (each is a target folder holding one role's program). */
export function fixtureDir(name: string): string {
  return fileURLToPath(new URL(`../fixtures/hostile/${name}`, import.meta.url));
}

/** A scratch folder for compiled TypeScript, removed after the test file that imports this module. */
const buildRoot = mkdtempSync(path.join(os.tmpdir(), 'socklab-harness-test-'));
afterAll(() => rmSync(buildRoot, { recursive: true, force: true }));

let builds = 0;

/** prepareProgram on a fixture, into its own build folder. */
export function prepareFixture(name: string, role = 'server'): Promise<PreparedProgram> {
  builds += 1;
  return prepareProgram(fixtureDir(name), role, path.join(buildRoot, `${name}-${builds}`));
}

/** Prepares a fixture that must be launchable, and starts it. */
export async function startFixture(name: string, options: LaunchOptions): Promise<RunningProgram> {
  const prepared = await prepareFixture(name);
  if ('error' in prepared) throw new Error(`fixture ${name} did not prepare: ${prepared.error.summary}`);
  return new RunningProgram(prepared as Launchable, options);
}

/** What a piece of work threw, and how long it took to throw it; fails the test when it did not throw. */
export async function failureOf(work: () => Promise<unknown>): Promise<{ error: Error; ms: number }> {
  const started = Date.now();
  try {
    await work();
  } catch (error) {
    return { error: error as Error, ms: Date.now() - started };
  }
  throw new Error('expected the work to fail, but it succeeded');
}

/** Whether a process is alive (a zombie waiting to be reaped counts as gone), read from /proc. */
export function isAlive(pid: number): boolean {
  let stat: string;
  try { stat = readFileSync(`/proc/${pid}/stat`, 'utf8'); } catch { return false; }
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  return state !== 'Z' && state !== 'X';
}

/**
 * The host pid of a process that a program reports by its own pid: inside the sandbox a program sees its PID
 * namespace's numbers, which the last field of NSpid in /proc maps back.
 */
export function hostPid(program: RunningProgram, pid: number): number {
  if (!program.sandboxed) return pid;
  for (const candidate of program.livingProcesses()) {
    let status: string;
    try { status = readFileSync(`/proc/${candidate}/status`, 'utf8'); } catch { continue; }
    const ids = /^NSpid:\s+(.*)$/m.exec(status)?.[1].trim().split(/\s+/).map(Number) ?? [];
    if (ids.length > 1 && ids[ids.length - 1] === pid) return candidate;
  }
  throw new Error(`no process of the sandbox has pid ${pid} in its namespace`);
}

/**
 * Asserts that nothing of the program's process group survives. A stopped program's last processes may take a
 * moment to be reaped, so the check waits for that (a bound on a hang, not a speed measurement) before it asserts.
 */
export async function expectNoSurvivors(program: RunningProgram, alsoPids: number[] = []): Promise<void> {
  const gone = () => livingMembers(program.pid).length === 0 && program.livingProcesses().length === 0 &&
    !isAlive(program.pid) && alsoPids.every((pid) => !isAlive(pid));
  for (const deadline = Date.now() + scaled(3000); !gone() && Date.now() < deadline;) await sleep(50);
  expect(livingMembers(program.pid), 'processes of the program group still alive').toEqual([]);
  expect(program.livingProcesses(), 'processes of the program (its sandbox) still alive').toEqual([]);
  expect(isAlive(program.pid), `program pid ${program.pid} still alive`).toBe(false);
  for (const pid of alsoPids) expect(isAlive(pid), `pid ${pid} still alive`).toBe(false);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until the program's stderr matches `pattern` (a fixture announcing a pid), or fails after `ms`. */
export async function stderrMatch(program: RunningProgram, pattern: RegExp, ms: number): Promise<RegExpExecArray> {
  const deadline = Date.now() + ms;
  for (;;) {
    const match = pattern.exec(program.stderr.lastLines(50).join('\n'));
    if (match) return match;
    if (Date.now() >= deadline) throw new Error(`stderr never matched ${pattern}: ${program.stderr.lastLines(5).join(' | ')}`);
    await sleep(20);
  }
}
