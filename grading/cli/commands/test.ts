// `socklab test <id>`: a student's run of one exercise, readable, exiting non-zero while anything fails.
import path from 'node:path';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { renderText } from '../../writers/text.ts';
import { watchAndRerun } from '../watch.ts';
import { parseGradingOptions } from './grading-options.ts';

export async function testCommand(args: string[]): Promise<number> {
  const { options, values } = parseGradingOptions('test', args, { all: { type: 'boolean' }, list: { type: 'boolean' }, watch: { type: 'boolean' } });
  if (options.ids.length !== 1) throw new UsageError('socklab test: name one exercise, e.g. `npx socklab test udp-uppercase` (`npx socklab list` shows them)');
  if (values.list) {
    const { listCases, renderCaseList } = await import('../../grader/list-cases.ts');
    process.stdout.write(renderCaseList(await listCases(loadManifests(options.ids), options.target)));
    return 0;
  }
  // Loaded only now: `--list` and the checks above need no test runner.
  const { grade } = await import('../../grader/grade.ts');
  let allPassed = false;
  const once = async () => {
    const report = await grade({ ...options, visibleOnly: !values.all });
    process.stdout.write(renderText(report));
    allPassed = report.exercises.every((exercise) => exercise.tests.every((test) => test.status === 'passed'));
  };
  if (!values.watch) {
    await once();
    return allPassed ? 0 : 1;
  }
  await watchAndRerun(path.join(options.target, options.ids[0]), async () => {
    try {
      await once();
    } catch (error) {
      // A kit or usage error in one run is shown; the next save tries again.
      console.error((error as Error).message);
    }
  }, (line) => console.error(line));
  return allPassed ? 0 : 1;
}
