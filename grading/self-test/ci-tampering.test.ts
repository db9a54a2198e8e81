// The CI recipe (grading/ci/grade-on-push.yml) against a student who edits what their repository holds: the
// grader, the suites, the manifest, the seed. Its grading step, run as the workflow runs it, gives the same score.
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { kitRoot } from '../grader/kit-paths.ts';
import type { Report } from '../grader/report.ts';
import { socklab } from './grade-cli.ts';
import { loadMutants, writeMutantTarget } from './mutant-target.ts';

const EXERCISE = 'udp-uppercase';
const workflow = await readFile(path.join(kitRoot, 'grading', 'ci', 'grade-on-push.yml'), 'utf8');
const gradeStep = /run: (node kit\/bin\/socklab\.js grade-submission .*)$/m.exec(workflow)![1];
const seed = /SOCKLAB_SEED: "(\d+)"/.exec(workflow)![1];
let scratch: string;

/** A student's repository made from the student copy, with a mutant (a realistic mistake) as their work. */
async function studentRepo(name: string): Promise<string> {
  const repo = path.join(scratch, name, 'student');
  expect((await socklab(['export', '--out', repo])).exitCode).toBe(0);
  const [mutant, spec] = Object.entries(await loadMutants(EXERCISE))[0];
  await rm(path.join(repo, 'exercises', EXERCISE), { recursive: true });
  await writeMutantTarget(EXERCISE, mutant, spec, path.join(repo, 'exercises'));
  await cp(path.join(kitRoot, 'exercises', EXERCISE, 'exercise.json'), path.join(repo, 'exercises', EXERCISE, 'exercise.json'));
  return repo;
}

/** The workflow's grading step, verbatim, in a workspace holding `student/` and the course's `kit/`. */
async function runGradeStep(workspace: string): Promise<{ report: Report; markdown: string; junit: string }> {
  await symlink(kitRoot, path.join(workspace, 'kit'), 'dir');
  const run = await execa('bash', ['-c', gradeStep.replace('grade-submission student', `grade-submission student --exercise ${EXERCISE}`)], {
    cwd: workspace, reject: false, env: { SOCKLAB_SEED: seed, NO_COLOR: '1' }, timeout: 300_000,
  });
  expect(run.exitCode, String(run.stderr)).toBe(0);
  const read = (file: string) => readFile(path.join(workspace, 'reports', file), 'utf8');
  return { report: JSON.parse(await read('report.json')) as Report, markdown: await read('report.md'), junit: await read('report.xml') };
}

beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'socklab-ci-')); });
afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

describe('a student who edits their repository', () => {
  test('the workflow grades once and publishes the JUnit file of that run', () => {
    expect(workflow.match(/grade-submission/g)).toHaveLength(1);
    expect(workflow).toMatch(/report_paths: reports\/report\.xml/);
    expect(workflow).toMatch(/cat reports\/report\.md >> "\$GITHUB_STEP_SUMMARY"/);
  });

  test('edited grader, suites, manifest and seed leave the score unchanged', async () => {
    const honest = await studentRepo('honest');
    const cheat = await studentRepo('cheat');
    // The one-line edit of the issue: every score becomes a pass.
    const report = path.join(cheat, 'grading', 'grader', 'report.ts');
    await writeFile(report, (await readFile(report, 'utf8')).replace(/export function percent[\s\S]*$/, 'export function percent(): number { return 100; }\n')
      .replace('score: items.reduce((sum, item) => sum + item.score, 0)', 'score: items.reduce((sum, item) => sum + item.maxScore, 0)'));
    // Suites that assert nothing, a manifest with other arguments, and a workflow with another seed.
    const suites = path.join(cheat, 'grading', 'suites', EXERCISE);
    for (const file of ['server.test.ts', 'client.test.ts']) await writeFile(path.join(suites, file), "import { test } from 'vitest';\ntest('all good', () => {});\n");
    const manifest = path.join(cheat, 'exercises', EXERCISE, 'exercise.json');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('"--port", "{port}"', '"--port", "1"'));
    const ownWorkflow = path.join(cheat, '.github', 'workflows', 'socklab-grade.yml');
    await writeFile(ownWorkflow, (await readFile(ownWorkflow, 'utf8')).replace(/SOCKLAB_SEED: "\d+"/, 'SOCKLAB_SEED: "1"'));
    await mkdir(path.join(cheat, 'exercises', EXERCISE, 'node_modules'), { recursive: true });

    const [clean, tampered] = await Promise.all([runGradeStep(path.dirname(honest)), runGradeStep(path.dirname(cheat))]);
    expect(clean.report.score).toBeLessThan(clean.report.maxScore); // the mutant loses points: there is something to cheat
    expect(tampered.report.score).toBe(clean.report.score);
    expect(tampered.report.maxScore).toBe(clean.report.maxScore);
    expect(tampered.report.seed).toBe(Number(seed));
    const failed = (r: Report) => r.exercises[0].tests.filter((t) => t.status !== 'passed').map((t) => t.id);
    expect(failed(tampered.report)).toEqual(failed(clean.report));
    // Summary and JUnit come from the same run as the JSON report.
    expect(tampered.markdown).toContain(`## socklab: ${tampered.report.score}/${tampered.report.maxScore} points`);
    expect(tampered.junit).toContain(`<property name="score" value="${tampered.report.score}"/>`);
  }, 600_000);
});
