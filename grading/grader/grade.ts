// One grading run: manifests → programs prepared once → suites → one validated report.
import { randomInt } from 'node:crypto';
import path from 'node:path';
import type { Level } from '../../harness/case-meta.ts';
import type { RunSettings } from '../../harness/run-settings.ts';
import { KitError, UsageError } from './kit-error.ts';
import { kitVersion, solutionsDir } from './kit-paths.ts';
import { loadManifests } from './load-manifests.ts';
import { prepareTarget } from './prepare-target.ts';
import { inTeachingOrder } from './readme-groups.ts';
import { startHere } from './start-here.ts';
import { totals, type ExerciseResult, type Report } from './report.ts';
import { defaultJobs, openSuiteRunner } from './run-suites.ts';
import { assertValid } from './schema-validator.ts';

export interface GradeOptions {
  /** Exercise ids; all when empty. */
  ids: string[];
  /** The folder holding the exercise folders to grade. */
  target: string;
  /** How the target is written on the student's command line ('' for the default). */
  targetOption: string;
  seed?: number;
  visibleOnly?: boolean;
  /** Only these case ids (`--case`); all when undefined. */
  cases?: string[];
  /** Only the cases of this role (`--role`) or of this level (`--level`). */
  role?: string;
  level?: Level;
  /** Stop at the first failure (`--bail`). */
  bail?: boolean;
  jobs?: number;
}

/** Grades the target and returns the report; throws KitError when the kit itself is broken. */
export async function grade(options: GradeOptions): Promise<Report> {
  const startedAt = new Date();
  const manifests = loadManifests(options.ids);
  const seed = options.seed ?? randomInt(0, 2 ** 31 - 1);
  const base = {
    target: options.target,
    targetOption: options.targetOption,
    seed,
    visibleOnly: options.visibleOnly ?? false,
    onlyCases: options.cases,
    onlyRole: options.role,
    onlyLevel: options.level,
    manifests,
  };
  // The test runner loads while the compiler prepares the programs: the two overlap (docs/performance.md).
  const runnerReady = openSuiteRunner(base, options.jobs ?? defaultJobs(), { bail: options.bail });
  // The kit's own solutions, for cases that compare the target with them (prepared once, like the target).
  const sameAsReference = path.resolve(options.target) === solutionsDir;
  const [preparing, referencing] = await Promise.allSettled([
    prepareTarget(options.target, manifests),
    sameAsReference ? undefined : prepareTarget(solutionsDir, manifests),
  ]);
  const runner = await runnerReady.catch((error: unknown) => error as Error);
  if (preparing.status === 'rejected' || referencing.status === 'rejected' || runner instanceof Error) {
    for (const outcome of [preparing, referencing]) if (outcome.status === 'fulfilled') await outcome.value?.dispose();
    if (!(runner instanceof Error)) await runner.close();
    throw preparing.status === 'rejected' ? preparing.reason : referencing.status === 'rejected' ? referencing.reason : runner;
  }
  const prepared = preparing.value;
  const references = referencing.value ?? prepared;
  try {
    const settings: RunSettings = { ...base, programs: prepared.programs, references: references.programs };
    const results = await runner.run(settings);
    if (results.kitErrors.length > 0) throw new KitError('kit error: the grading suites themselves failed', results.kitErrors);
    const known = new Set([...Object.values(results.tests), ...Object.values(results.skipped)].flat().map((test) => test.id));
    const unknown = (options.cases ?? []).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      const ids = Object.keys(manifests);
      throw new UsageError(`--case ${unknown.join(', ')}: no such case in ${ids.join(', ')} (\`npx socklab test ${ids[0]} --list\` lists every case id)`);
    }
    const exercises: ExerciseResult[] = Object.values(manifests).map((manifest) => {
      const tests = inTeachingOrder(manifest.id, results.tests[manifest.id] ?? []);
      if (tests.length === 0 && (results.notRun[manifest.id] ?? 0) === 0) {
        throw new KitError(`kit error: exercise ${manifest.id} has no grading cases under grading/suites/${manifest.id}/`);
      }
      return {
        id: manifest.id,
        title: manifest.title,
        textbookSection: manifest.textbook.section,
        ...totals(tests),
        problems: prepared.problems[manifest.id] ?? [],
        notRun: results.notRun[manifest.id] ?? 0,
        tests,
        startHere: startHere(manifest, path.join(options.target, manifest.id), options.targetOption),
      };
    });
    const report: Report = {
      schemaVersion: 1,
      kit: kitVersion(),
      target: path.resolve(options.target),
      seed,
      startedAt: startedAt.toISOString(),
      durationMs: Date.now() - startedAt.getTime(),
      ...totals(exercises),
      exercises,
    };
    return assertValid<Report>('report', report, 'the report');
  } finally {
    await prepared.dispose();
    if (!sameAsReference) await references.dispose();
  }
}
