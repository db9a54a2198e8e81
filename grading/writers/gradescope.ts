// The report as Gradescope's results.json, so a course can run socklab as its autograder.
import type { Report } from '../grader/report.ts';

/** Gradescope's format: a score, and per test its points, output and visibility (the same four values as ours). */
export function renderGradescope(report: Report): string {
  const problems = report.exercises.flatMap((exercise) => exercise.problems.map((problem) => `${exercise.id}: ${problem}`));
  const results = {
    score: report.score,
    execution_time: Math.round(report.durationMs / 1000),
    output: [`socklab ${report.kit.version}, seed ${report.seed}`, ...problems].join('\n\n'),
    output_format: 'text',
    test_output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: report.exercises.flatMap((exercise) => exercise.tests.map((test) => ({
      name: `${exercise.id}: ${test.name}`,
      number: `${exercise.id}/${test.id}`,
      score: test.score,
      max_score: test.maxScore,
      status: test.status === 'passed' ? 'passed' : 'failed',
      visibility: test.visibility,
      output: test.status === 'error' ? `Could not judge: ${test.message}` : test.message,
    }))),
  };
  return JSON.stringify(results, null, 2) + '\n';
}
