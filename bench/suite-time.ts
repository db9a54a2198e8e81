// Measures how long each exercise's whole suite takes against the reference solutions, through the real CLI.
import { execa } from 'execa';
import path from 'node:path';
import { allExerciseIds } from '../grading/grader/load-manifests.ts';
import { kitRoot, solutionsDir } from '../grading/grader/kit-paths.ts';

const bin = path.join(kitRoot, 'bin', 'socklab.js');

async function seconds(args: string[]): Promise<number> {
  const started = process.hrtime.bigint();
  const result = await execa(process.execPath, [bin, ...args], { reject: false });
  if (result.exitCode !== 0) throw new Error(`socklab ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/** Wall-clock seconds of `socklab grade <id> --target solutions` per exercise, and of `socklab list` (CLI start). */
export async function measureSuites() {
  const cliStart = await seconds(['list']);
  const perExercise: Record<string, number> = {};
  for (const id of allExerciseIds()) perExercise[id] = await seconds(['grade', id, '--target', solutionsDir, '--format', 'json']);
  const all = await seconds(['grade', '--target', solutionsDir, '--format', 'json']);
  return { cliStart, perExercise, all };
}
