// `socklab grade-class SUBMISSIONS --out DIR`: a whole class, in parallel, resumable, sharded; `--merge` joins shards.
import { randomInt } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeClassOutput, readClassRecord } from '../../class/class-output.ts';
import { gradeClass } from '../../class/grade-class.ts';
import { ignoredEntries, listStudents, parseShard, shardOf } from '../../class/roster.ts';
import { parseFormats } from '../../class/write-reports.ts';
import { sandboxSupport } from '../../../harness/sandbox/support.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { applyTimeoutScale, numberOption, parseOptions } from '../options.ts';

const OPTIONS = {
  out: { type: 'string' }, format: { type: 'string', multiple: true }, exercise: { type: 'string', multiple: true },
  jobs: { type: 'string' }, 'inner-jobs': { type: 'string' }, 'time-limit': { type: 'string' }, seed: { type: 'string' },
  force: { type: 'boolean' }, shard: { type: 'string' }, merge: { type: 'boolean' }, 'timeout-scale': { type: 'string' }, 'require-sandbox': { type: 'boolean' },
} as const;

export async function gradeClassCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('grade-class', args, OPTIONS);
  if (!values.out) throw new UsageError('socklab grade-class: --out DIR is required');
  const out = path.resolve(values.out);
  if (values.merge) {
    if (positionals.length === 0) throw new UsageError('socklab grade-class --merge DIR… --out DIR: name the folders to join');
    const joined = await writeClassOutput(positionals.map((dir) => path.resolve(dir)), out);
    console.log(`merged ${positionals.length} folders: ${joined.graded} students graded, ${joined.notGraded} not; grades.csv, summary.md and histogram.svg in ${values.out}`);
    return 0;
  }
  if (positionals.length !== 1) throw new UsageError('socklab grade-class: name one submissions folder (one folder or .zip per student)');
  const submissions = path.resolve(positionals[0]);
  if (!existsSync(submissions) || !statSync(submissions).isDirectory()) throw new UsageError(`socklab grade-class: ${positionals[0]}: no such folder`);
  // Refused here, once, rather than by every student's run: a class where none could be graded is a usage error.
  if (values['require-sandbox']) {
    const support = sandboxSupport();
    if (!support.available) {
      throw new UsageError(`socklab grade-class --require-sandbox: the sandbox cannot be built on this machine: ${support.reason}. ` +
        'Run `npx socklab doctor` to see what is missing.');
    }
  }
  const formats = parseFormats('grade-class', values.format, ['json']);
  const exercises = Object.keys(loadManifests(values.exercise ?? []));
  applyTimeoutScale('grade-class', values['timeout-scale']);
  const previous = readClassRecord(out);
  const given = numberOption('grade-class', 'seed', values.seed, 0, 2 ** 31 - 1);
  if (previous && given !== undefined && given !== previous.seed && !values.force) {
    throw new UsageError(`socklab grade-class: ${values.out} was graded with seed ${previous.seed}; resume with that seed, or regrade everyone with --force`);
  }
  if (previous && !values.force && [...previous.exercises].sort().join(',') !== [...exercises].sort().join(',')) {
    throw new UsageError(`socklab grade-class: ${values.out} was graded on ${previous.exercises.join(', ')}; resume with the same --exercise list, or regrade everyone with --force`);
  }
  const shard = parseShard(values.shard);
  const students = shardOf(listStudents(submissions), shard);
  const ignored = ignoredEntries(submissions);
  if (ignored.length > 0) console.log(`ignored in ${positionals[0]} (one folder or .zip per student): ${ignored.join(', ')}`);
  const runs = await gradeClass({
    students, out, exercises, formats, force: values.force ?? false, requireSandbox: values['require-sandbox'] ?? false,
    seed: given ?? previous?.seed ?? randomInt(0, 2 ** 31 - 1),
    // One student's run keeps one to two cores busy (docs/performance.md): as many students as cores fills a machine.
    jobs: numberOption('grade-class', 'jobs', values.jobs, 1, 64) ?? Math.max(2, os.availableParallelism()),
    innerJobs: numberOption('grade-class', 'inner-jobs', values['inner-jobs'], 1, 64) ?? 2,
    timeLimitMs: 1000 * (numberOption('grade-class', 'time-limit', values['time-limit'], 10, 24 * 3600) ?? 900),
    log: (line) => console.log(line),
  });
  const failed = runs.filter((run) => run.status !== 'graded');
  console.log(`grades.csv, summary.md, histogram.svg and students/ written to ${values.out}${failed.length ? `; ${failed.length} not graded (rerun to retry them)` : ''}`);
  // Exit 1 when a student is left without a grade (a kit error, the time limit): a script must not take the class as done.
  return failed.length > 0 ? 1 : 0;
}
