// `socklab grade [ids…]`: an instructor's or CI's run, writing a report in the chosen format.
import { writeFile } from 'node:fs/promises';
import { UsageError } from '../../grader/kit-error.ts';
import { percent } from '../../grader/report.ts';
import { FORMATS } from '../../writers/formats.ts';
import { renderText } from '../../writers/text.ts';
import { createOutFolder, numberOption } from '../options.ts';
import { parseGradingOptions } from './grading-options.ts';

const OWN = { format: { type: 'string' }, out: { type: 'string' }, 'fail-under': { type: 'string' } } as const;

export async function gradeCommand(args: string[]): Promise<number> {
  const { options, values } = parseGradingOptions('grade', args, OWN);
  // Everything is checked before the (long) run, so a typo costs nothing.
  const format = (values.format as string | undefined) ?? 'text';
  if (!(format in FORMATS)) throw new UsageError(`socklab grade: --format ${format}: expected one of ${Object.keys(FORMATS).join(', ')}`);
  const failUnder = numberOption('grade', 'fail-under', values['fail-under'] as string | undefined, 0, 100);
  const out = values.out as string | undefined;
  if (out !== undefined) createOutFolder('grade', out);

  // Loaded only now: `--list` and the checks above need no test runner.
  const { grade } = await import('../../grader/grade.ts');
  const report = await grade(options);
  const rendered = FORMATS[format](report);
  if (out) {
    try {
      await writeFile(out, rendered);
    } catch (error) {
      throw new UsageError(`socklab grade: --out ${out}: ${(error as Error).message}`);
    }
    if (format !== 'text') process.stdout.write(renderText(report));
    console.log(`report written to ${out}`);
  } else {
    process.stdout.write(rendered);
  }
  if (failUnder !== undefined && percent(report) < failUnder) {
    console.error(`score ${percent(report).toFixed(1)}% is under --fail-under ${failUnder}%`);
    return 1;
  }
  return 0;
}
