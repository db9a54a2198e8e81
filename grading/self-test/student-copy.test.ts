// `socklab export`: the student copy holds no solutions, no mutants and no hidden case, every file its READMEs link
// to, grades its own skeletons, and can reach full marks (so `npm test` there, `--fail-under 100`, can pass); a later
// export replaces an earlier copy but for .git/, and refuses a folder no export wrote.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
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

/** The local targets a Markdown file links to: `[text](target)`, `![alt](target)`, `[ref]: target`, src= and href=. */
function localLinks(markdown: string): string[] {
  const targets = [
    ...[...markdown.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...markdown.matchAll(/^\s*\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)/gm)].map((m) => m[1]),
    ...[...markdown.matchAll(/\b(?:src|href)=["']([^"']+)["']/g)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t) && !t.startsWith('#')).map((t) => decodeURI(t.replace(/[?#].*$/, '')));
}

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

  test('every image and link in its READMEs (each exercise\'s, its own, docs/students.md) is a file of the copy', () => {
    const readmes = ['README.md', 'docs/students.md', ...readdirSync(path.join(copy, 'exercises')).map((id) => `exercises/${id}/README.md`)];
    const broken: string[] = [];
    let checked = 0;
    for (const readme of readmes) {
      for (const target of localLinks(readFileSync(path.join(copy, readme), 'utf8'))) {
        const file = path.resolve(path.dirname(path.join(copy, readme)), target);
        checked += 1;
        if (path.relative(copy, file).startsWith('..') || !existsSync(file)) broken.push(`${readme}: ${target}`);
      }
    }
    expect(broken, 'links to files the copy does not hold (ship them in grading/distribute/export-kit.ts, or fix the link)').toEqual([]);
    expect(checked).toBeGreaterThan(1); // at least the exercises' links in the README and p2p-distribution's figure
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

describe('exporting again', () => {
  test('into a checkout that holds only .git, then over that copy: .git/ is kept, everything else is replaced', async () => {
    const published = path.join(parent, 'published');
    await mkdir(path.join(published, '.git'), { recursive: true });
    await writeFile(path.join(published, '.git', 'HEAD'), 'ref: refs/heads/main\n');
    expect((await socklab(['export', '--out', published])).exitCode).toBe(0);
    await writeFile(path.join(published, 'stale.txt'), 'from an older kit');
    await mkdir(path.join(published, 'exercises', 'retired-exercise'), { recursive: true });
    const again = await socklab(['export', '--out', published]);
    expect(again.exitCode, String(again.stderr)).toBe(0);
    expect(String(again.stdout)).toContain('replaced the earlier student copy');
    expect(await readFile(path.join(published, '.git', 'HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    expect(existsSync(path.join(published, 'stale.txt'))).toBe(false);
    expect(existsSync(path.join(published, 'exercises', 'retired-exercise'))).toBe(false);
    // The same files as a fresh export (the first copy, less what grading it added: node_modules, .socklab/).
    const exported = (dir: string, skipped: RegExp) => files(dir).filter((f) => !skipped.test(f)).sort();
    expect(exported(published, /^\.git($|[/\\])/)).toEqual(exported(copy, /^(node_modules|\.socklab)($|[/\\])/));
  }, 120_000);

  test('a copy into itself (its own export, its own marker): refused, and nothing is touched', async () => {
    const before = files(copy).sort();
    const result = await copySocklab(['export', '--out', '.']);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toContain('--out .: this is the kit being exported from');
    expect(files(copy).sort()).toEqual(before);
  });

  test('into a folder no export wrote: refused, naming the folder and what it holds, and nothing is touched', async () => {
    const foreign = path.join(parent, 'my-notes');
    await mkdir(path.join(foreign, '.git'), { recursive: true });
    await writeFile(path.join(foreign, 'notes.md'), 'mine');
    const result = await socklab(['export', '--out', foreign]);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toContain(`--out ${foreign}: the folder holds notes.md and is not an earlier student copy`);
    expect(readdirSync(foreign).sort()).toEqual(['.git', 'notes.md']);
  });
});
