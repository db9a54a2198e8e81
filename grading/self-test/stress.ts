// `npm run stress`: the grader's lateness is never the student's fault, measured. While stress-ng keeps every core
// busy, the reference solutions and the fairness variants (grading/self-test/variants/<exercise>/<name>/) are
// graded again and again; any case they do not pass is counted. Exits 1 when one failed.
//   npm run stress -- [--runs 20] [--variant-runs N (default: --runs)] [--exercise udp-uppercase,tcp-uppercase] [--cpu N] [--jobs 1]
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { allExerciseIds } from '../grader/load-manifests.ts';
import { solutionsDir } from '../grader/kit-paths.ts';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli } from './grade-cli.ts';
import { variantNames, writeVariantTarget } from './mutant-target.ts';

const args = process.argv.slice(2);
const option = (name: string) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
const runs = Number(option('--runs') ?? 20);
// The fairness variants may be graded fewer times than the solutions, when time is short.
const variantRuns = Number(option('--variant-runs') ?? runs);
const cpus = Number(option('--cpu') ?? os.availableParallelism());
const exercises = option('--exercise')?.split(',') ?? allExerciseIds();
const limit = limitConcurrency(Number(option('--jobs') ?? 1));

interface Tally { exercise: string; target: string; runs: number; failedRuns: number; errorRuns: number; cases: Map<string, number>; seconds: number }

async function gradeOnce(tally: Tally, dir: string): Promise<void> {
  const started = performance.now();
  const result = await gradeWithCli([tally.exercise], dir, [], { timeout: 1_800_000 });
  tally.seconds += (performance.now() - started) / 1000;
  tally.runs += 1;
  const tests = result.report?.exercises[0]?.tests;
  if (result.exitCode !== 0 || !tests) {
    tally.failedRuns += 1;
    tally.cases.set(`(socklab exited ${result.exitCode})`, (tally.cases.get(`(socklab exited ${result.exitCode})`) ?? 0) + 1);
    return;
  }
  const bad = tests.filter((t) => t.status !== 'passed');
  if (bad.some((t) => t.status === 'failed')) tally.failedRuns += 1;
  else if (bad.length > 0) tally.errorRuns += 1;
  for (const t of bad) {
    tally.cases.set(`${t.id} (${t.status})`, (tally.cases.get(`${t.id} (${t.status})`) ?? 0) + 1);
    console.error(`[stress] ${tally.exercise} ${tally.target}: ${t.id} ${t.status}: ${t.message.split('\n')[0]}`);
  }
}

const load = spawn('stress-ng', ['--cpu', String(cpus), '--quiet'], { stdio: 'ignore' });
load.on('error', (error) => { console.error(`stress: cannot start stress-ng (${error.message}); install it (Debian: stress-ng)`); process.exit(2); });
const stopLoad = () => { if (load.pid) try { process.kill(load.pid, 'SIGTERM'); } catch { /* gone */ } };
process.on('SIGINT', () => { stopLoad(); process.exit(130); });

const tallies: Tally[] = [];
const temporary: string[] = [];
try {
  const jobs: Array<Promise<void>> = [];
  for (const exercise of exercises) {
    const targets: Array<{ name: string; dir: string }> = [{ name: 'solutions', dir: solutionsDir }];
    for (const name of await variantNames(exercise)) {
      const dir = await mkdtemp(path.join(os.tmpdir(), `socklab-stress-${name}-`));
      temporary.push(dir);
      await writeVariantTarget(exercise, name, dir);
      targets.push({ name: `variant ${name}`, dir });
    }
    for (const target of targets) {
      const tally: Tally = { exercise, target: target.name, runs: 0, failedRuns: 0, errorRuns: 0, cases: new Map(), seconds: 0 };
      tallies.push(tally);
      const times = target.name === 'solutions' ? runs : variantRuns;
      for (let run = 0; run < times; run++) jobs.push(limit(() => gradeOnce(tally, target.dir)));
    }
  }
  await Promise.all(jobs);
} finally {
  stopLoad();
  for (const dir of temporary) await rm(dir, { recursive: true, force: true });
}

console.log(`stress-ng --cpu ${cpus} on ${os.availableParallelism()} cores; ${runs} runs of each solution, ${variantRuns} of each variant\n`);
console.log('| exercise | target | runs | runs with a failed case | runs with only `error` (could not judge) | mean s/run | cases not passed |');
console.log('|---|---|---|---|---|---|---|');
for (const t of tallies) {
  const cases = [...t.cases].map(([id, n]) => `${id} ×${n}`).join(', ') || '';
  console.log(`| ${t.exercise} | ${t.target} | ${t.runs} | ${t.failedRuns} | ${t.errorRuns} | ${(t.seconds / Math.max(1, t.runs)).toFixed(1)} | ${cases} |`);
}
process.exitCode = tallies.some((t) => t.failedRuns > 0) ? 1 : 0;
