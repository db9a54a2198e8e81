// Builds a grading target from a mutant: the reference solution with the mutant's edits and files applied.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertValid } from '../grader/schema-validator.ts';
import { mutantsDir, solutionsDir } from '../grader/kit-paths.ts';

export interface Mutant {
  description: string;
  edits?: Array<{ file: string; find: string; replace: string }>;
  caughtBy: string[];
  /** The share of the exercise's points this mistake may cost (npm run blast-radius); more than 30 % needs a reason. */
  blastRadius?: { cap: number; reason: string };
}

/** The mutants of an exercise, by name, each validated against mutant.schema.json. */
export async function loadMutants(exercise: string): Promise<Record<string, Mutant>> {
  const dir = path.join(mutantsDir, exercise);
  if (!existsSync(dir)) return {};
  const names = (await readdir(dir, { withFileTypes: true })).filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  const mutants: Record<string, Mutant> = {};
  for (const name of names) {
    const file = path.join(dir, name, 'mutant.json');
    mutants[name] = assertValid<Mutant>('mutant', JSON.parse(await readFile(file, 'utf8')), `grading/mutants/${exercise}/${name}/mutant.json`);
  }
  return mutants;
}

/**
 * Writes target/<exercise>/ as the solution with the mutant applied. Each edit's `find` must occur exactly once,
 * so a mutant cannot silently stop applying when the solution changes. A file beside mutant.json replaces the
 * solution's program of the same role, whatever its language (server.py replaces server.ts). Fairness variants
 * (grading/self-test/variants/) are built the same way from their own folder.
 */
export async function writeMutantTarget(exercise: string, name: string, mutant: Pick<Mutant, 'edits'>, target: string,
  mutantDir = path.join(mutantsDir, exercise, name)): Promise<void> {
  const out = path.join(target, exercise);
  await cp(path.join(solutionsDir, exercise), out, { recursive: true });
  for (const entry of await readdir(mutantDir)) {
    if (entry === 'mutant.json' || entry === 'variant.json') continue;
    const role = entry.replace(/\.[^.]+$/, '');
    for (const existing of await readdir(out)) {
      if (existing.replace(/\.[^.]+$/, '') === role) await rm(path.join(out, existing));
    }
    await cp(path.join(mutantDir, entry), path.join(out, entry));
  }
  for (const edit of mutant.edits ?? []) {
    const file = path.join(out, edit.file);
    const text = await readFile(file, 'utf8');
    const count = text.split(edit.find).length - 1;
    if (count !== 1) throw new Error(`mutant ${exercise}/${name}: "${edit.find}" occurs ${count} times in ${edit.file}; it must occur exactly once`);
    await writeFile(file, text.replace(edit.find, () => edit.replace));
  }
}

/** A fairness variant (grading/self-test/variants/<exercise>/<name>/variant.json): a difference the contract allows. */
export interface Variant { description: string; edits?: Array<{ file: string; find: string; replace: string }> }

const variantsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'variants');

/** The names of an exercise's fairness variants, sorted; none when it has no variants folder. */
export async function variantNames(exercise: string): Promise<string[]> {
  const dir = path.join(variantsDir, exercise);
  return existsSync(dir) ? (await readdir(dir)).sort() : [];
}

/** Writes target/<exercise>/ as the reference with the fairness variant applied, as a mutant is built. */
export async function writeVariantTarget(exercise: string, name: string, target: string): Promise<Variant> {
  const dir = path.join(variantsDir, exercise, name);
  const variant = JSON.parse(await readFile(path.join(dir, 'variant.json'), 'utf8')) as Variant;
  await writeMutantTarget(exercise, name, variant, target, dir);
  return variant;
}
