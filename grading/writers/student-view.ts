// What a student may see of a report, as Gradescope shows it: a case not `visible` is graded but never described.
import type { ExerciseResult, TestResult } from '../grader/report.ts';

/** True for the cases whose name, result and message a student-facing format may show. */
export const isShown = (test: TestResult): boolean => test.visibility === 'visible';

/** An exercise split into the cases shown and how many are graded but kept from the student. */
export function studentView(exercise: ExerciseResult): { shown: TestResult[]; hiddenCount: number; score: number; maxScore: number } {
  const shown = exercise.tests.filter(isShown);
  return {
    shown,
    hiddenCount: exercise.tests.length - shown.length,
    score: shown.reduce((sum, test) => sum + test.score, 0),
    maxScore: shown.reduce((sum, test) => sum + test.maxScore, 0),
  };
}
