// `socklab export --out DIR`: the copy of the kit a course hands to its students (docs/instructors.md).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../../grader/kit-error.ts';
import { exportStudentCopy } from '../../distribute/export-kit.ts';
import { parseOptions } from '../options.ts';

export async function exportCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('export', args, { out: { type: 'string' } });
  if (positionals.length > 0) throw new UsageError(`socklab export: unexpected ${positionals.join(' ')}; the copy always holds every exercise`);
  if (!values.out) throw new UsageError('socklab export: --out DIR is required (a new or empty folder, or an earlier student copy to update)');
  const result = await exportStudentCopy(values.out);
  console.log(`student copy written to ${values.out}: ${result.exercises.join(', ')}`);
  if (result.replaced) {
    const review = existsSync(path.join(result.root, '.git')) ? `; review the update with \`git -C ${values.out} status\` before you commit it` : '';
    console.log(`replaced the earlier student copy there (everything but .git/)${review}`);
  }
  console.log(`left out: solutions/, grading/mutants/, the kit's self-tests${result.withheldSuites.length ? `, hidden cases (${result.withheldSuites.map((f) => `grading/suites/${f}`).join(', ')})` : ''}`);
  console.log(`students start with: cd ${values.out} && npm ci && npx socklab test ${result.exercises[0]}`);
  return 0;
}
