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

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/**
 * Wall-clock seconds of `socklab grade <id> --target solutions` per exercise (the median of `runs`, taken in turns so
 * that a slow minute of the machine weighs on every exercise alike; each run's figures are kept), of `socklab list`
 * (CLI start) and of all exercises in one run.
 */
export async function measureSuites(runs = 3) {
  const cliStart = await seconds(['list']);
  const samples: Record<string, number[]> = {};
  for (let run = 0; run < runs; run++) {
    for (const id of allExerciseIds()) (samples[id] ??= []).push(await seconds(['grade', id, '--target', solutionsDir, '--format', 'json']));
  }
  const perExercise = Object.fromEntries(Object.entries(samples).map(([id, values]) => [id, median(values)] as const));
  const all = await seconds(['grade', '--target', solutionsDir, '--format', 'json']);
  return { cliStart, runs, samples, perExercise, all };
}
