// `socklab gradescope --out autograder.zip`: the zip a course uploads as its Gradescope autograder (docs/gradescope.md).
import path from 'node:path';
import { buildAutograderZip } from '../../distribute/gradescope-zip.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { createOutFolder, numberOption, parseOptions } from '../options.ts';

export async function gradescopeCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('gradescope', args, { out: { type: 'string' }, seed: { type: 'string' }, 'sandbox-optional': { type: 'boolean' } });
  if (!values.out) throw new UsageError('socklab gradescope [exercise…] --out autograder.zip: --out is required');
  if (!values.out.endsWith('.zip')) throw new UsageError(`socklab gradescope: --out ${values.out}: the file must end in .zip`);
  const exercises = Object.keys(loadManifests(positionals));
  createOutFolder('gradescope', values.out);
  const sandboxOptional = values['sandbox-optional'] === true;
  const settings = await buildAutograderZip(path.resolve(values.out), exercises, numberOption('gradescope', 'seed', values.seed, 0, 2 ** 31 - 1), sandboxOptional);
  console.log(`autograder written to ${values.out}: ${exercises.join(', ')}, seed ${settings.seed}`);
  if (sandboxOptional) console.log('--sandbox-optional: where bubblewrap cannot run, students\' programs run unconfined and can read the kit, solutions included (docs/gradescope.md)');
  console.log('upload it on Gradescope (Configure Autograder → Zip file upload); setup.sh installs Node 20 and the kit');
  return 0;
}
