// `socklab test <id>`: a student's run of one exercise, readable, exiting non-zero while anything fails.
import { grade } from '../../grader/grade.ts';
import { gradeInSandbox } from '../../grader/isolated-grading.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { renderText } from '../../writers/text.ts';
import { parseGradingOptions } from './grading-options.ts';

export async function testCommand(args: string[]): Promise<number> {
  const { options, values } = parseGradingOptions('test', args, { all: { type: 'boolean' } });
  if (options.ids.length !== 1) throw new UsageError('socklab test: name one exercise, e.g. `npx socklab test udp-uppercase` (`npx socklab list` shows them)');
  const isolated = await gradeInSandbox('test', values['require-sandbox'] === true);
  if (isolated !== undefined) return isolated;
  const report = await grade({ ...options, visibleOnly: !values.all });
  process.stdout.write(renderText(report));
  const allPassed = report.exercises.every((exercise) => exercise.tests.every((test) => test.status === 'passed'));
  return allPassed ? 0 : 1;
}
