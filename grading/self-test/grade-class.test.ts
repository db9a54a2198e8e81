// `socklab grade-class`: submissions of every shape, three shards merged into one class, resumed runs, and the
// class files (grades.csv, summary.md, histogram.svg) read back.
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listStudents, shardOf } from '../class/roster.ts';
import { exercisesDir, kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import { socklab } from './grade-cli.ts';

const EXERCISE = 'udp-uppercase';
let root: string;
let subs: string;

async function zipOf(dir: string, prefix: string): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const name of ['server.ts', 'client.ts']) files[`${prefix}${name}`] = new Uint8Array(await readFile(path.join(dir, name)));
  return zipSync(files);
}

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'socklab-class-'));
  subs = path.join(root, 'submissions');
  const solution = path.join(solutionsDir, EXERCISE);
  await cp(solution, path.join(subs, 'ada'), { recursive: true }); // flat files
  await cp(path.join(exercisesDir, EXERCISE), path.join(subs, 'ben', 'exercises', EXERCISE), { recursive: true }); // exercises/, skeleton
  await writeFile(path.join(subs, 'cyd.zip'), await zipOf(solution, `repo/exercises/${EXERCISE}/`)); // zip of a folder
  await mkdir(path.join(subs, 'dee'));
  await writeFile(path.join(subs, 'dee', 'notes.txt'), 'nothing here'); // nothing usable
  await cp(solution, path.join(subs, 'eli', 'repo', 'exercises', EXERCISE), { recursive: true }); // a checkout beside a stray file
  await writeFile(path.join(subs, 'eli', 'notes.txt'), 'my notes');
  await writeFile(path.join(subs, 'fay.zip'), zipSync({})); // an empty zip
  await writeFile(path.join(subs, 'roster.csv'), 'not a student\n'); // named as ignored, never graded
});
afterAll(async () => { await rm(root, { recursive: true, force: true }); });

describe('shards', () => {
  test('every student is in exactly one of three shards', () => {
    const students = listStudents(subs);
    const shards = [1, 2, 3].map((index) => shardOf(students, { index, count: 3 }).map((s) => s.name));
    expect(shards.flat().sort()).toEqual(['ada', 'ben', 'cyd', 'dee', 'eli', 'fay']);
  });

  test('three shards graded apart, merged into one CSV and summary; a rerun skips who is graded', async () => {
    const runs = await Promise.all([1, 2, 3].map((index) => socklab(['grade-class', subs, '--exercise', EXERCISE, '--out', path.join(root, `shard-${index}`),
      '--shard', `${index}/3`, '--seed', '42', '--jobs', '2', '--inner-jobs', '1', '--format', 'json,markdown'])));
    for (const run of runs) expect(run.exitCode, String(run.stderr) + String(run.stdout)).toBe(0);
    for (const run of runs) expect(String(run.stdout)).toContain('ignored in');
    expect(String(runs[0].stdout)).toContain(': roster.csv');
    const merged = path.join(root, 'class');
    const merge = await socklab(['grade-class', '--merge', ...[1, 2, 3].map((i) => path.join(root, `shard-${i}`)), '--out', merged]);
    expect(merge.exitCode, String(merge.stderr)).toBe(0);
    const csv = (await readFile(path.join(merged, 'grades.csv'), 'utf8')).trim().split('\n');
    expect(csv).toEqual([
      `student,${EXERCISE},total,max,status`,
      'ada,23,23,23,graded', 'ben,0,0,23,graded', 'cyd,23,23,23,graded', 'dee,0,0,23,no program in upload',
      'eli,23,23,23,graded', 'fay,0,0,23,no program in upload',
    ]);
    const summary = await readFile(path.join(merged, 'summary.md'), 'utf8');
    expect(summary).toContain('6 students graded · seed 42 · mean 50.0 %');
    expect(summary).toContain('2 uploads held no program (graded as empty; each report says what the upload held): dee, fay');
    expect(summary).toContain('| udp-uppercase/server-uppercases-a-datagram | 3/6 | 50 % |');
    expect(summary).toMatch(/## Most failed cases\n\n.*\n.*\n\| udp-uppercase\/\S+ \| 3\/6 \| .+ \([123]×\) \|/);
    expect(await readFile(path.join(merged, 'histogram.svg'), 'utf8')).toMatch(/^<\?xml[\s\S]*<svg[\s\S]*students/);
    const shardOfAda = [1, 2, 3].find((i) => existsSync(path.join(root, `shard-${i}`, 'students', 'ada', 'report.md')))!;
    const adaShard = path.join(root, `shard-${shardOfAda}`);
    // A rerun asking for one more format writes it for those graded, from their report.json, without grading again.
    expect(existsSync(path.join(adaShard, 'students', 'ada', 'report.xml'))).toBe(false);
    const again = await socklab(['grade-class', subs, '--exercise', EXERCISE, '--out', adaShard, '--shard', `${shardOfAda}/3`, '--format', 'json,markdown,junit']);
    expect(again.exitCode, String(again.stderr)).toBe(0);
    expect(String(again.stdout)).toMatch(/(\d+) of \1 students already graded; grading 0/);
    expect(await readFile(path.join(adaShard, 'students', 'ada', 'report.xml'), 'utf8')).toContain('<testsuite');
    // A rerun on other exercises would mix two gradings in one grades.csv: refused, as another seed is.
    const other = await socklab(['grade-class', subs, '--exercise', 'tcp-uppercase', '--out', adaShard, '--shard', `${shardOfAda}/3`]);
    expect(other.exitCode).toBe(2);
    expect(String(other.stderr)).toContain(`was graded on ${EXERCISE}; resume with the same --exercise list, or regrade everyone with --force`);
  }, 600_000);

  test('an empty zip is an upload without a program, not a kit error', async () => {
    const run = await socklab(['grade-submission', path.join(subs, 'fay.zip'), '--exercise', EXERCISE, '--out', path.join(root, 'fay'), '--format', 'json,text']);
    expect(run.exitCode, String(run.stderr)).toBe(0);
    const text = await readFile(path.join(root, 'fay', 'report.txt'), 'utf8');
    expect(text).toContain('Your upload could not be used: no program found: the upload holds nothing');
    // Every case names the program to upload, in the exercise's folder; no hint meant for the CLI's --target.
    expect(text).toMatch(/there is no server program in \S*\/exercises\/udp-uppercase/);
    expect(text).not.toContain('--target');
  }, 120_000);

  test('shards graded with different seeds are refused at the merge', async () => {
    const a = path.join(root, 'seed-a');
    const b = path.join(root, 'seed-b');
    for (const [dir, seed] of [[a, 1], [b, 2]] as const) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'class.json'), JSON.stringify({ seed, exercises: [EXERCISE], students: [], notGraded: {} }));
    }
    const merge = await socklab(['grade-class', '--merge', a, b, '--out', path.join(root, 'nope')]);
    expect(merge.exitCode).toBe(2);
    expect(String(merge.stderr)).toContain('different seeds (1, 2)');
  });

  test('--require-sandbox where the sandbox cannot be built: refused at once, before any student is graded', async () => {
    const out = path.join(root, 'no-sandbox');
    const run = await execa(process.execPath, [path.join(kitRoot, 'bin', 'socklab.js'), 'grade-class', subs, '--exercise', EXERCISE, '--out', out, '--require-sandbox'],
      { cwd: kitRoot, reject: false, env: { NO_COLOR: '1', SOCKLAB_SANDBOX: 'off' } });
    expect(run.exitCode).toBe(2);
    expect(String(run.stderr)).toContain('socklab grade-class --require-sandbox: the sandbox cannot be built on this machine: SOCKLAB_SANDBOX=off is set');
    expect(existsSync(path.join(out, 'students'))).toBe(false);
  });

  test('shards graded on different exercises are refused at the merge', async () => {
    const a = path.join(root, 'exercises-a');
    const b = path.join(root, 'exercises-b');
    for (const [dir, exercises] of [[a, [EXERCISE]], [b, ['tcp-uppercase']]] as const) {
      await mkdir(dir, { recursive: true });
      await writeFile(path.join(dir, 'class.json'), JSON.stringify({ seed: 1, exercises, students: [], notGraded: {} }));
    }
    const merge = await socklab(['grade-class', '--merge', a, b, '--out', path.join(root, 'nope')]);
    expect(merge.exitCode).toBe(2);
    expect(String(merge.stderr)).toContain('graded on different exercises');
  });
});
