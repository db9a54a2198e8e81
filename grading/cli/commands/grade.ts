// `socklab grade [ids…]`: an instructor's or CI's run, writing a report in the chosen format.
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../grader/kit-error.ts';
import { percent } from '../../grader/report.ts';
import { FORMATS } from '../../writers/formats.ts';
import { renderText } from '../../writers/text.ts';
import { numberOption } from '../options.ts';
import { gradeFromOptions } from './grading-options.ts';

const OWN = { format: { type: 'string' }, out: { type: 'string' }, 'fail-under': { type: 'string' } } as const;

export async function gradeCommand(args: string[]): Promise<number> {
  // Check what can be checked before the (long) run, so a typo costs nothing.
  const format = args[args.indexOf('--format') + 1];
  if (args.includes('--format') && !(format in FORMATS)) {
    throw new UsageError(`socklab grade: --format ${format ?? ''}: expected one of ${Object.keys(FORMATS).join(', ')}`);
  }
  const failUnderRaw = args.includes('--fail-under') ? args[args.indexOf('--fail-under') + 1] : undefined;
  const failUnder = numberOption('grade', 'fail-under', failUnderRaw, 0, 100);
  const outRaw = args.includes('--out') ? args[args.indexOf('--out') + 1] : undefined;
  if (outRaw !== undefined) {
    const folder = path.dirname(path.resolve(outRaw));
    if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`socklab grade: --out ${outRaw}: the folder ${folder} does not exist`);
  }
  const { report, values } = await gradeFromOptions('grade', args, OWN, () => false);
  const rendered = FORMATS[(values.format as string | undefined) ?? 'text'](report);
  const out = values.out as string | undefined;
  if (out) {
    try {
      await writeFile(out, rendered);
    } catch (error) {
      throw new UsageError(`socklab grade: --out ${out}: ${(error as Error).message}`);
    }
    if (values.format && values.format !== 'text') process.stdout.write(renderText(report));
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
