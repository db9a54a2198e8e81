// `npm run blast-radius`: one cause, one deduction, measured. Each single-mistake mutant is graded on ALL cases of
// its exercise, and the share of the exercise's points it loses is compared with the cap its mutant.json declares
// (default 30 %). Exits 1 when a mutant loses more than its cap: that mistake costs more than its own cases.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { allExerciseIds } from '../grader/load-manifests.ts';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli } from './grade-cli.ts';
import { loadMutants, writeMutantTarget, type Mutant } from './mutant-target.ts';

/** The share of its exercise's points a single mistake may cost when its manifest says nothing. */
export const defaultCap = 0.3;

interface Row { exercise: string; mutant: string; lost: number; maxScore: number; share: number; cap: number; failed: string[]; reason?: string }

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const only = option('--exercise')?.split(',');
const onlyMutants = option('--mutant')?.split(',');
const jsonOut = option('--json');
const limit = limitConcurrency(Number(option('--jobs') ?? 2));

async function measure(exercise: string, name: string, mutant: Mutant): Promise<Row> {
  const target = await mkdtemp(path.join(os.tmpdir(), `socklab-blast-${name}-`));
  try {
    await writeMutantTarget(exercise, name, mutant, target);
    // One retry: a grading run stopped from outside (a signal, a full disk) is not the mutant's figure.
    let result = await gradeWithCli([exercise], target, [], { timeout: 1_800_000 });
    if (result.exitCode !== 0 || !result.report) result = await gradeWithCli([exercise], target, [], { timeout: 1_800_000 });
    if (result.exitCode !== 0 || !result.report) throw new Error(`socklab grade ${exercise} (mutant ${name}) exited ${result.exitCode}: ${result.stderr}`);
    const graded = result.report.exercises[0];
    const lost = graded.maxScore - graded.score;
    return {
      exercise, mutant: name, lost, maxScore: graded.maxScore, share: lost / graded.maxScore,
      cap: mutant.blastRadius?.cap ?? defaultCap, reason: mutant.blastRadius?.reason,
      failed: graded.tests.filter((t) => t.status !== 'passed').map((t) => t.id),
    };
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

const jobs: Array<Promise<Row>> = [];
for (const exercise of allExerciseIds().filter((id) => !only || only.includes(id))) {
  const mutants = await loadMutants(exercise);
  for (const [name, mutant] of Object.entries(mutants)) {
    if (onlyMutants && !onlyMutants.includes(name)) continue;
    jobs.push(limit(() => measure(exercise, name, mutant)).then((row) => {
      const mark = row.share > row.cap ? 'OVER' : 'ok';
      console.error(`[blast-radius] ${row.exercise}/${row.mutant}: ${(100 * row.share).toFixed(1)} % (cap ${(100 * row.cap).toFixed(0)} %) ${mark}`);
      return row;
    }));
  }
}
const rows = await Promise.all(jobs);

const pct = (value: number) => `${(100 * value).toFixed(1)} %`.padStart(7);
console.log('| exercise | mutant | points lost | share | cap | cases not passed |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) {
  const over = row.share > row.cap ? ' **over its cap**' : '';
  console.log(`| ${row.exercise} | ${row.mutant} | ${row.lost}/${row.maxScore} | ${pct(row.share)}${over} | ${pct(row.cap)} | ${row.failed.length} |`);
}
if (jsonOut) await writeFile(jsonOut, JSON.stringify(rows, null, 2));
const over = rows.filter((row) => row.share > row.cap);
for (const row of over) console.error(`[blast-radius] ${row.exercise}/${row.mutant} loses ${pct(row.share).trim()}, over its cap of ${pct(row.cap).trim()}: ${row.failed.join(', ')}`);
process.exitCode = over.length > 0 ? 1 : 0;
