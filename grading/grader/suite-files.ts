// Picks the suite files a run needs, by reading them as text: one case (`--case`) or one role (`--role`) should not
// pay for starting every suite file of the exercise.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { RunSettings } from '../../harness/run-settings.ts';
import { kitRoot, suitesDir } from './kit-paths.ts';

function testFiles(exercise: string): string[] {
  const dir = path.join(suitesDir, exercise);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.ts'))
    .map((name) => path.join(dir, name))
    .sort();
}

/**
 * The suite files (relative to the kit) that can hold the cases this run asks for. A case id is found as a quoted
 * literal; when some named id is not found literally (built in a loop), every file is kept. --list and unnamed cases
 * keep every file. A file whose suite names another role than --role's is left out.
 */
export function suiteFiles(settings: RunSettings): string[] {
  const files = Object.keys(settings.manifests).flatMap(testFiles);
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  let chosen = files;
  const ids = settings.listOnly ? undefined : settings.onlyCases;
  if (ids && ids.every((id) => files.some((file) => texts.get(file)!.includes(`'${id}'`)))) {
    chosen = chosen.filter((file) => ids.some((id) => texts.get(file)!.includes(`'${id}'`)));
  }
  const role = settings.listOnly ? undefined : settings.onlyRole;
  if (role) chosen = chosen.filter((file) => !/role: '[a-z0-9-]+'/.test(texts.get(file)!) || texts.get(file)!.includes(`role: '${role}'`));
  return chosen.map((file) => path.relative(kitRoot, file));
}
