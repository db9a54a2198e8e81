// The one runner of the *-fairness self-tests: each fairness variant (grading/self-test/variants/<exercise>/<name>/,
// a program that differs from the reference only where the contract or the RFCs allow) must score full marks.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli } from './grade-cli.ts';
import { variantNames, writeVariantTarget } from './mutant-target.ts';

// Two whole-suite runs at a time, as the self-proof grades: a loaded machine must not push one past its time limit.
const limit = limitConcurrency(2);

/** The fairness self-test of one exercise (await it at the top of the test file): every variant scores full marks. */
export async function describeFairness(exercise: string, minVariants: number): Promise<void> {
  const names = await variantNames(exercise);
  describe.concurrent(`${exercise} fairness: allowed differences score full marks`, () => {
    test('there are variants to prove it with', () => {
      expect(names.length).toBeGreaterThanOrEqual(minVariants);
    });

    for (const name of names) {
      test(`variant ${name}`, { timeout: 1_500_000 }, async () => {
        const target = await mkdtemp(path.join(os.tmpdir(), `socklab-variant-${name}-`));
        try {
          const variant = await writeVariantTarget(exercise, name, target);
          const result = await limit(() => gradeWithCli([exercise], target, [], { timeout: 900_000 }));
          expect(result.exitCode, result.stderr).toBe(0);
          const graded = result.report!.exercises[0];
          const failures = graded.tests.filter((t) => t.status !== 'passed').map((t) => `${t.id}: ${t.message}`);
          expect(failures, `${variant.description}\n\n${failures.join('\n\n')}`).toEqual([]);
          expect(graded.score).toBe(graded.maxScore);
        } finally {
          await rm(target, { recursive: true, force: true });
        }
      });
    }
  });
}
