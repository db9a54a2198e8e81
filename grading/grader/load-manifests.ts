// Reads and validates the kit's exercise manifests: the one place that knows which exercises exist.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Manifest } from '../../harness/run-settings.ts';
import { KitError, UsageError } from './kit-error.ts';
import { exercisesDir } from './kit-paths.ts';
import { assertValid } from './schema-validator.ts';

function loadManifest(id: string): Manifest {
  const file = path.join(exercisesDir, id, 'exercise.json');
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new KitError(`kit error: cannot read exercises/${id}/exercise.json: ${(error as Error).message}`);
  }
  const manifest = assertValid<Manifest>('manifest', data, `exercises/${id}/exercise.json`);
  if (manifest.id !== id) throw new KitError(`kit error: exercises/${id}/exercise.json says its id is "${manifest.id}"`);
  return manifest;
}

/** Every exercise of the kit, in folder order. */
export function allExerciseIds(): string[] {
  return readdirSync(exercisesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(exercisesDir, entry.name, 'exercise.json')))
    .map((entry) => entry.name)
    .sort();
}

/** The manifests of the named exercises (all when none is named); an unknown id is a usage error. */
export function loadManifests(ids: string[] = []): Record<string, Manifest> {
  const known = allExerciseIds();
  const chosen = ids.length > 0 ? ids : known;
  const unknown = chosen.filter((id) => !known.includes(id));
  if (unknown.length > 0) throw new UsageError(`unknown exercise ${unknown.join(', ')}; the exercises are: ${known.join(', ')}`);
  return Object.fromEntries(chosen.map((id) => [id, loadManifest(id)]));
}
