// Which suite files hold the cases a student must not see, so the student copy can leave them out whole.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { KitError } from '../grader/kit-error.ts';
import { suitesDir } from '../grader/kit-paths.ts';

const CASE = /\.case\(/g;
const NOT_VISIBLE = /visibility:\s*['"](hidden|after_due_date|after_published)['"]/g;

/**
 * The suite files (relative to grading/suites/) whose cases are all hidden. A file that mixes visible and hidden
 * cases is a kit error: hidden cases live in files of their own (docs/writing-an-exercise.md), so leaving a file
 * out of the student copy never removes a visible case, and no hidden one is ever shipped.
 */
export function hiddenSuiteFiles(exercise: string): string[] {
  const dir = path.join(suitesDir, exercise);
  const hidden: string[] = [];
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.test.ts')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = readFileSync(file, 'utf8');
    const cases = text.match(CASE)?.length ?? 0;
    const notVisible = text.match(NOT_VISIBLE)?.length ?? 0;
    if (notVisible === 0) continue;
    const relative = path.relative(suitesDir, file);
    if (notVisible !== cases) {
      throw new KitError(`kit error: grading/suites/${relative} mixes visible and hidden cases (${cases} cases, ${notVisible} not visible)`,
        ['put the hidden cases in a suite file of their own, so the student copy can leave that file out']);
    }
    hidden.push(relative);
  }
  return hidden.sort();
}
