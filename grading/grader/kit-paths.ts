// Where the kit's own files are: manifests, suites, schemas and solutions always come from here, never from a target.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The kit's root: found upward from this module, which runs from its source or from the precompiled CLI. */
function findKitRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'grading', 'schemas')) && existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, '../..');
  }
}

export const kitRoot = findKitRoot(path.dirname(fileURLToPath(import.meta.url)));
export const exercisesDir = path.join(kitRoot, 'exercises');
export const solutionsDir = path.join(kitRoot, 'solutions');
export const suitesDir = path.join(kitRoot, 'grading', 'suites');
export const schemasDir = path.join(kitRoot, 'grading', 'schemas');
export const mutantsDir = path.join(kitRoot, 'grading', 'mutants');

/** The kit's name and version, from its package.json, for reports. */
export function kitVersion(): { name: string; version: string } {
  const pkg = JSON.parse(readFileSync(path.join(kitRoot, 'package.json'), 'utf8')) as { name: string; version: string };
  return { name: pkg.name, version: pkg.version };
}
