// `socklab export`: the student copy holds no solutions, no mutants and no hidden case, grades its own skeletons,
// and can reach full marks (so `npm test` there, `--fail-under 100`, can pass).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import type { Report } from '../grader/report.ts';
import { socklab } from './grade-cli.ts';

const EXERCISE = 'http-server'; // the exercise with a hidden case that needs the reference
let parent: string;
let copy: string;

/** The copy's own `socklab`, run in the copy as a student would. */
const copySocklab = (args: string[]) => execa(process.execPath, [path.join(copy, 'bin', 'socklab.js'), ...args], { cwd: copy, reject: false, env: { NO_COLOR: '1' }, timeout: 300_000 });

beforeAll(async () => {
  parent = await mkdtemp(path.join(os.tmpdir(), 'socklab-export-'));
  copy = path.join(parent, 'copy');
  const result = await socklab(['export', '--out', copy]);
  expect(result.exitCode, String(result.stderr)).toBe(0);
  // The copy's own `npm ci` is the fresh-machine check (docs/instructors.md); here it shares the kit's packages.
  await symlink(path.join(kitRoot, 'node_modules'), path.join(copy, 'node_modules'), 'dir');
});
afterAll(async () => { await rm(parent, { recursive: true, force: true }); });

const files = (dir: string) => readdirSync(dir, { recursive: true }).map(String);

describe('the student copy', () => {
  test('has skeletons, READMEs and suites; no solutions, mutants, self-tests or hidden cases', () => {
    expect(existsSync(path.join(copy, 'solutions'))).toBe(false);
    expect(existsSync(path.join(copy, 'grading', 'mutants'))).toBe(false);
    expect(existsSync(path.join(copy, 'grading', 'self-test'))).toBe(false);
    expect(existsSync(path.join(copy, 'harness', 'test'))).toBe(false);
    expect(readFileSync(path.join(copy, 'exercises', EXERCISE, 'server.ts'), 'utf8')).toBe(readFileSync(path.join(kitRoot, 'exercises', EXERCISE, 'server.ts'), 'utf8'));
    const suites = files(path.join(copy, 'grading', 'suites')).filter((f) => f.endsWith('.test.ts'));
    expect(suites.length).toBeGreaterThan(5);
    for (const suite of suites) expect(readFileSync(path.join(copy, 'grading', 'suites', suite), 'utf8')).not.toMatch(/visibility:\s*'(hidden|after_)/);
    const pkg = JSON.parse(readFileSync(path.join(copy, 'package.json'), 'utf8'));
    expect(pkg.scripts.test).toBe('socklab grade --fail-under 100');
  });

  test('its README\'s commands are the kit\'s own: npm ci, then socklab test of an exercise it has', async () => {
    const readme = await readFile(path.join(copy, 'README.md'), 'utf8');
    const commands = [...readme.matchAll(/^(npm ci|npx socklab test (\S+))\s/gm)];
    expect(commands.map((m) => m[1].split(' ')[0])).toEqual(['npm', 'npx']);
    expect(existsSync(path.join(copy, 'exercises', commands[1][2]))).toBe(true);
  });

  test('grades its own skeletons with every case it has (no hidden case left, none could not judge for lack of a reference)', async () => {
    const out = path.join(parent, 'skeletons.json');
    const result = await copySocklab(['grade', EXERCISE, '--format', 'json', '--out', out]);
    expect(result.exitCode, String(result.stderr)).toBe(0);
    const report = JSON.parse(await readFile(out, 'utf8')) as Report;
    const tests = report.exercises[0].tests;
    expect(tests.length).toBeGreaterThan(10);
    expect(tests.every((t) => t.visibility === 'visible')).toBe(true);
    expect(tests.filter((t) => t.status === 'passed')).toEqual([]);
    expect(tests.map((t) => t.message).join('\n')).not.toContain('no reference');
  }, 300_000);

  test('can reach full marks: the kit\'s solution passes `--fail-under 100` with the copy\'s grader', async () => {
    const result = await copySocklab(['grade', EXERCISE, '--target', solutionsDir, '--fail-under', '100']);
    expect(result.exitCode, String(result.stdout).slice(-3000)).toBe(0);
  }, 300_000);
});
