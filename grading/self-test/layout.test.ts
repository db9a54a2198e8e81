// The kit's layout holds: valid manifests, a README per exercise, skeletons and solutions that mirror each other,
// a program for every role, and a suite for every exercise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { allExerciseIds, loadManifests } from '../grader/load-manifests.ts';
import { exercisesDir, solutionsDir, suitesDir } from '../grader/kit-paths.ts';
import { findProgramFile } from '../../harness/program-files.ts';

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
}

const manifests = loadManifests();

test('every exercise folder has a valid manifest, and every solution folder an exercise', () => {
  expect(Object.keys(manifests).length).toBeGreaterThan(0);
  const solutionIds = readdirSync(solutionsDir).sort();
  expect(solutionIds).toEqual(allExerciseIds());
});

for (const id of allExerciseIds()) {
  describe(id, () => {
    test('exercises/ and solutions/ mirror each other, path for path (README.md aside)', () => {
      const skeleton = filesUnder(path.join(exercisesDir, id)).filter((file) => file !== 'README.md' && file !== 'exercise.json');
      expect(filesUnder(path.join(solutionsDir, id))).toEqual(skeleton);
    });

    test('the README teaches the contract and names the textbook section', () => {
      const readme = readFileSync(path.join(exercisesDir, id, 'README.md'), 'utf8');
      expect(readme).toContain(manifests[id].textbook.section);
      for (const role of Object.keys(manifests[id].roles)) expect(readme).toContain(`${role}.ts`);
      expect(readme).toContain(`npx socklab test ${id}`);
    });

    test('every role has exactly one program, in the skeleton and in the solution', () => {
      for (const role of Object.keys(manifests[id].roles)) {
        expect(path.basename(findProgramFile(path.join(exercisesDir, id), role))).toMatch(new RegExp(`^${role}\\.`));
        expect(path.basename(findProgramFile(path.join(solutionsDir, id), role))).toMatch(new RegExp(`^${role}\\.`));
      }
    });

    test('a suite exists', () => {
      const suites = existsSync(path.join(suitesDir, id)) ? readdirSync(path.join(suitesDir, id)).filter((f) => f.endsWith('.test.ts')) : [];
      expect(suites.length).toBeGreaterThan(0);
    });
  });
}
