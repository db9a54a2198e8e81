// The student's loop: a short first run on the skeleton, one role or one level at a time, watch mode, --help.
import { cp, mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exercisesDir, kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import type { ExerciseResult, TestResult } from '../grader/report.ts';
import { groupFailures } from '../writers/failure-groups.ts';
import { gradeWithCli, socklab, socklabBin } from './grade-cli.ts';

const EXERCISE = 'udp-uppercase';
let scratch: string;
beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'socklab-loop-')); });
afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

test('the untouched skeleton: one short start-here block per role, then the score', { timeout: 300_000 }, async () => {
  const result = await socklab(['test', EXERCISE, '--target', exercisesDir]);
  const lines = String(result.stdout).trimEnd().split('\n');
  console.log(`[self-test] ${EXERCISE} skeleton, first run: ${lines.length} lines`);
  expect(result.exitCode).toBe(1);
  expect(lines.length).toBeLessThanOrEqual(25);
  for (const role of ['server', 'client']) expect(String(result.stdout)).toContain(`your ${role} does nothing yet`);
  expect(String(result.stdout)).toMatch(/open exercises\/udp-uppercase\/server\.ts:\d+ {2}TODO 1/);
  expect(lines.at(-1)).toMatch(/^0 of 13 cases pass/);
});

test('--role and --level grade only their cases; --list lists them all without running any', { timeout: 300_000 }, async () => {
  const server = await gradeWithCli([EXERCISE], solutionsDir, ['--role', 'server']);
  expect(server.report!.exercises[0].tests.map((t) => t.role)).toEqual(Array(6).fill('server'));
  const core = await gradeWithCli([EXERCISE], solutionsDir, ['--level', 'core']);
  const coreTests = core.report!.exercises[0].tests;
  expect(coreTests.length).toBeGreaterThan(0);
  expect(coreTests.every((t) => t.level === 'core')).toBe(true);
  const list = await socklab(['test', EXERCISE, '--list']);
  expect(list.exitCode).toBe(0);
  expect(String(list.stdout).match(/^ {4}[a-z0-9-]+ +(core|rfc) +\d+ pt/gm)).toHaveLength(13);
});

test('--watch grades again when a file of the exercise is saved', { timeout: 300_000 }, async () => {
  await cp(path.join(solutionsDir, EXERCISE), path.join(scratch, EXERCISE), { recursive: true });
  const child = execa(process.execPath, [socklabBin, 'test', EXERCISE, '--target', scratch, '--case', 'server-empty-datagram', '--watch'],
    { cwd: kitRoot, reject: false, env: { NO_COLOR: '1' } });
  let out = '';
  const runs = () => (out.match(/cases pass/g) ?? []).length;
  const until = async (count: number) => {
    for (let waited = 0; runs() < count && waited < 200_000; waited += 200) await new Promise((r) => setTimeout(r, 200));
  };
  child.stdout!.on('data', (chunk: Buffer) => { out += chunk.toString(); });
  await until(1);
  expect(runs()).toBe(1);
  const file = path.join(scratch, EXERCISE, 'server.ts');
  await writeFile(file, `${await readFile(file, 'utf8')}\n// saved again\n`);
  await until(2);
  child.kill('SIGINT');
  await child;
  expect(runs()).toBe(2);
});

test('--help on every subcommand shows that command; unknown names get the list of valid ones', async () => {
  for (const command of ['list', 'test', 'grade', 'run', 'plot']) {
    const result = await socklab([command, '--help']);
    expect(result.exitCode).toBe(0);
    expect(String(result.stdout)).toMatch(new RegExp(`^ {2}socklab ${command}\\b`));
  }
  expect(String((await socklab(['run', 'http'])).stderr)).toMatch(/unknown exercise http; the exercises are: .*udp-uppercase/);
  expect(String((await socklab(['test', EXERCISE, '--role', 'srv'])).stderr)).toMatch(/--role srv: .*server, client/);
});

describe('failures with one cause are shown once', () => {
  const test_ = (id: string, role: string, cause?: string): TestResult => ({
    id, name: id, status: 'failed', score: 0, maxScore: 1, level: 'rfc', visibility: 'visible', role, durationMs: 1, message: 'm', ...(cause ? { cause } : {}),
  });
  const exercise = (tests: TestResult[]): ExerciseResult => ({
    id: 'x', title: 'x', score: 0, maxScore: tests.length, problems: [], notRun: 0, tests, startHere: { server: ['what'], client: ['what'] },
  });

  test('a role whose every case failed for one cause is idle; a cause shared by some cases is grouped', () => {
    const view = groupFailures(exercise([
      test_('s1', 'server', 'never listened'), test_('s2', 'server', 'never listened'),
      test_('c1', 'client', 'exited'), test_('c2', 'client', 'exited'), test_('c3', 'client'),
    ]));
    expect(view.idle.map((idle) => idle.role)).toEqual(['server']);
    expect(view.shared).toEqual([{ cause: 'exited', tests: [expect.objectContaining({ id: 'c1' }), expect.objectContaining({ id: 'c2' })] }]);
    expect(view.single.map((t) => t.id)).toEqual(['c3']);
  });
});
