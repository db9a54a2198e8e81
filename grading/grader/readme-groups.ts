// The headings under "What is graded" in an exercise's README: the teaching order cases run and print in.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { KitError } from './kit-error.ts';
import { exercisesDir } from './kit-paths.ts';

/** The `###` headings of the README's "## What is graded" section, in order (the kit's README, never a target's). */
export function readmeGroups(exercise: string): string[] {
  const file = path.join(exercisesDir, exercise, 'README.md');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new KitError(`kit error: exercises/${exercise}/README.md cannot be read`);
  }
  const section = /^## What is graded\s*$([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(text)?.[1] ?? '';
  return [...section.matchAll(/^### (.+?)\s*$/gm)].map((match) => match[1]);
}

/**
 * Sorts an exercise's cases into the README's order (stable: declaration order within a group). A case whose group
 * is not a heading there is a kit error: the README and the suites must not drift apart.
 */
export function inTeachingOrder<T extends { id: string; group?: string }>(exercise: string, tests: T[]): T[] {
  const groups = readmeGroups(exercise);
  const rank = (test: T) => {
    const index = groups.indexOf(test.group ?? '');
    if (index < 0) {
      throw new KitError(`kit error: case ${exercise}/${test.id} is in the group "${test.group}", which is not a heading ` +
        `under "What is graded" in exercises/${exercise}/README.md (its headings: ${groups.join(', ') || 'none'})`);
    }
    return index;
  };
  return tests.map((test, order) => ({ test, order, rank: rank(test) }))
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((entry) => entry.test);
}
