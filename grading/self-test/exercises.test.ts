// The kit proves its suites: every solution scores full marks, every skeleton scores zero without breaking the
// grader, every mutant (a realistic mistake) is caught by the cases it names, and every case is caught by some mutant.
// A mutant is graded on the cases it names only (--case): that is all the proof needs, and it keeps npm test short.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allExerciseIds } from '../grader/load-manifests.ts';
import { exercisesDir, solutionsDir } from '../grader/kit-paths.ts';
import type { ExerciseResult } from '../grader/report.ts';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli } from './grade-cli.ts';
import { loadMutants, writeMutantTarget } from './mutant-target.ts';

const limit = limitConcurrency(2);
const only = process.env.SOCKLAB_SELFTEST_EXERCISES?.split(',').filter(Boolean);
const exercises = allExerciseIds().filter((id) => !only || only.includes(id));

/** Grades one exercise of a target through the CLI; a kit error or a missing report fails the self-test. */
async function gradeExercise(exercise: string, target: string, cases: string[] = []): Promise<ExerciseResult> {
  const result = await gradeWithCli([exercise], target, cases.flatMap((id) => ['--case', id]));
  expect(result.exitCode, `socklab grade exited ${result.exitCode}:\n${result.stderr}`).toBe(0);
  expect(result.report, 'socklab grade wrote no report').toBeDefined();
  return result.report!.exercises[0];
}

async function gradeMutant(exercise: string, name: string, mutant: Awaited<ReturnType<typeof loadMutants>>[string]) {
  const target = await mkdtemp(path.join(os.tmpdir(), `socklab-mutant-${name}-`));
  try {
    await writeMutantTarget(exercise, name, mutant, target);
    return await gradeExercise(exercise, target, mutant.caughtBy);
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

const failedIds = (result: ExerciseResult) => result.tests.filter((t) => t.status === 'failed').map((t) => t.id);

for (const exercise of exercises) {
  const mutants = await loadMutants(exercise);
  const runs = new Map<string, Promise<ExerciseResult>>();
  const once = (key: string, job: () => Promise<ExerciseResult>) => {
    if (!runs.has(key)) runs.set(key, limit(job));
    return runs.get(key)!;
  };
  const solution = () => once('solution', () => gradeExercise(exercise, solutionsDir));
  const mutantRun = (name: string) => once(`mutant ${name}`, () => gradeMutant(exercise, name, mutants[name]));

  describe.concurrent(exercise, () => {
    test('the reference solution scores full marks', { timeout: 300_000 }, async () => {
      const result = await solution();
      const failures = result.tests.filter((t) => t.status !== 'passed').map((t) => `${t.id}: ${t.message}`);
      expect(failures, failures.join('\n\n')).toEqual([]);
      expect(result.score).toBe(result.maxScore);
      expect(result.maxScore).toBeGreaterThan(0);
    });

    test('the skeleton scores zero, and the grader completes', { timeout: 300_000 }, async () => {
      const result = await once('skeleton', () => gradeExercise(exercise, exercisesDir));
      expect(result.tests.length).toBeGreaterThan(0);
      const passing = result.tests.filter((t) => t.status === 'passed').map((t) => t.id);
      expect(passing, `the skeleton passes ${passing.join(', ')}`).toEqual([]);
      expect(result.score).toBe(0);
    });

    for (const [name, mutant] of Object.entries(mutants)) {
      test(`mutant ${name} is caught: ${mutant.description}`, { timeout: 300_000 }, async () => {
        const result = await mutantRun(name);
        const failed = new Set(failedIds(result));
        const missed = mutant.caughtBy.filter((id) => !failed.has(id));
        expect(missed, `these cases should fail on the mutant but did not: ${missed.join(', ')}; failed: ${[...failed].join(', ')}`).toEqual([]);
      });
    }

    test('every case is caught by at least one mutant (the mutation score)', { timeout: 900_000 }, async () => {
      const all = (await solution()).tests.map((t) => t.id);
      const names = Object.keys(mutants);
      const results = await Promise.all(names.map((name) => mutantRun(name)));
      const caught = new Set(results.flatMap(failedIds));
      const killed = results.filter((result) => failedIds(result).length > 0).length;
      const proven = all.filter((id) => caught.has(id));
      console.log(`[self-test] ${exercise}: mutation score ${killed}/${names.length} mutants caught; ` +
        `${proven.length}/${all.length} cases shown able to fail`);
      expect(names.length, `${exercise} has no mutants under grading/mutants/${exercise}/`).toBeGreaterThanOrEqual(6);
      expect(killed).toBe(names.length);
      expect(all.filter((id) => !caught.has(id)), 'cases no mutant makes fail').toEqual([]);
    });
  });
}
