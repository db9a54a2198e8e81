// The report as Gradescope's results.json, so a course can run socklab as its autograder (docs/gradescope.md).
import type { Report } from '../grader/report.ts';

/**
 * Gradescope's format: per test its points, output, visibility (the same four values as ours), `number` as
 * "exercise.case" in the report's order (README order) so Gradescope sorts them as the READMEs do, and tags for the
 * exercise and the level. The total includes hidden cases: Gradescope then shows it only once grades are published.
 */
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
    tests: report.exercises.flatMap((exercise, e) => exercise.tests.map((test, t) => ({
      name: `${exercise.id}: ${test.name}`,
      number: `${e + 1}.${t + 1}`,
      score: test.score,
      max_score: test.maxScore,
      status: test.status === 'passed' ? 'passed' : 'failed',
      visibility: test.visibility,
      tags: [exercise.id, test.level],
      output: test.status === 'error' ? `Could not judge: ${test.message}` : test.message,
    }))),
  };
  return JSON.stringify(results, null, 2) + '\n';
}

/**
 * The results.json of an autograder that broke: one visible, zero-point result, never a blank page. The reason goes
 * to the autograder's stdout, which Gradescope shows the instructor only.
 */
export function renderGradescopeKitFailure(): string {
  // Nothing notifies anyone: the text says so, and asks the student to tell the instructor.
  const output = 'The autograder itself failed before it could grade your submission; this is not a problem with ' +
    'your program. Nobody is notified automatically, but your instructor can see this result on Gradescope: please ' +
    'tell your instructor, and resubmit later.';
  return JSON.stringify({
    score: 0,
    output,
    output_format: 'text',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: [{ name: 'the autograder failed (not your program): please tell your instructor', number: '0.1', score: 0, max_score: 0, status: 'failed', visibility: 'visible', output }],
  }, null, 2) + '\n';
}
