// Measures `socklab grade-class` on a synthetic class (solutions, skeletons, mutants of every exercise) against
// grading the same students one by one, and extrapolates to a class of 100.
import { cp, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { allExerciseIds } from '../grading/grader/load-manifests.ts';
import { exercisesDir, kitRoot, solutionsDir } from '../grading/grader/kit-paths.ts';
import { loadMutants, writeMutantTarget } from '../grading/self-test/mutant-target.ts';
import { busyCoreSeconds } from './busy-cpu.ts';

const bin = path.join(kitRoot, 'bin', 'socklab.js');

/** `size` students, in turn a solution, a skeleton, and a mutant of every exercise (each the next of its list). */
async function syntheticClass(dir: string, size: number): Promise<void> {
  const ids = allExerciseIds();
  const mutants = Object.fromEntries(await Promise.all(ids.map(async (id) => [id, Object.entries(await loadMutants(id))] as const)));
  for (let i = 0; i < size; i += 1) {
    const target = path.join(dir, `student-${String(i + 1).padStart(3, '0')}`, 'exercises');
    await mkdir(target, { recursive: true });
    for (const id of ids) {
      const kind = i % 3;
      if (kind === 0) await cp(path.join(solutionsDir, id), path.join(target, id), { recursive: true });
      else if (kind === 1) await cp(path.join(exercisesDir, id), path.join(target, id), { recursive: true });
      else {
        const [name, mutant] = mutants[id][Math.floor(i / 3) % mutants[id].length];
        await writeMutantTarget(id, name, mutant, target);
      }
    }
  }
}

async function timed(args: string[], env: Record<string, string> = {}): Promise<number> {
  const started = process.hrtime.bigint();
  const result = await execa(process.execPath, [bin, ...args], { reject: false, env });
  if (result.exitCode !== 0) throw new Error(`socklab ${args.join(' ')} exited ${result.exitCode}: ${result.stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e9;
}

/**
 * Seconds for the class graded `jobs` students at a time, and one by one
 * (`--jobs 1 --inner-jobs 2`), both with the same seed; for the first, the machine's busy core-seconds and the number
 * of program starts (counted through SOCKLAB_START_LOG).
 */
export async function measureClassThroughput(size: number, jobs: number) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-bench-class-'));
  try {
    await syntheticClass(path.join(dir, 'submissions'), size);
    const common = ['grade-class', path.join(dir, 'submissions'), '--seed', '1', '--time-limit', '1800'];
    const startLog = path.join(dir, 'starts.log');
    const busyBefore = busyCoreSeconds();
    const parallel = await timed([...common, '--out', path.join(dir, 'parallel'), '--jobs', String(jobs), '--inner-jobs', '2'], { SOCKLAB_START_LOG: startLog });
    const busyAfter = busyCoreSeconds();
    const starts = (await readFile(startLog, 'utf8').catch(() => '')).split('\n').filter(Boolean).length;
    const oneByOne = await timed([...common, '--out', path.join(dir, 'one-by-one'), '--jobs', '1', '--inner-jobs', '2']);
    const busy = busyBefore === undefined || busyAfter === undefined ? undefined : busyAfter - busyBefore;
    return { size, jobs, exercises: allExerciseIds().length, parallel, oneByOne, busy, starts, cores: os.availableParallelism(), load: os.loadavg()[0] };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
