// Runs the kit's suites for some exercises through vitest's Node API, telling them the target via provide/inject.
import os from 'node:os';
import path from 'node:path';
import type { Vitest } from 'vitest/node';
import type { RunSettings } from '../../harness/run-settings.ts';
import { CaseReporter, type CollectedResults } from './case-reporter.ts';
import { forgetTlsSetup } from './grader-environment.ts';
import { KitError } from './kit-error.ts';
import { kitRoot } from './kit-paths.ts';
import { suiteFiles } from './suite-files.ts';

/** How many suite files run at once: the cases wait on sockets far more than they compute. */
export function defaultJobs(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}

/**
 * How many cases of one suite file run at once. Cases wait on sockets and timers far more than they compute, and
 * each has its own programs, ports and transcript; more than this and a busy machine makes the grader late.
 */
export const CASES_AT_ONCE = 4;

/** A test runner made ready before the programs are: it is told the run's settings only when it starts. */
export interface SuiteRunner {
  /** Runs the suites with these settings (the prepared programs), then closes the runner. */
  run(settings: RunSettings): Promise<CollectedResults>;
  /** Closes a runner that will not run (the programs could not be prepared). */
  close(): Promise<void>;
}

/**
 * Loads vitest and creates the runner for grading/suites/<id>/*.test.ts of the exercises in `settings.manifests`
 * (the files are chosen from the manifests and the case options alone); never reads tests from the target. Started
 * before the programs are prepared, so that loading vitest (its heaviest import) overlaps with the compiler.
 */
export async function openSuiteRunner(settings: Omit<RunSettings, 'programs' | 'references'>, jobs: number, run: { bail?: boolean } = {}): Promise<SuiteRunner> {
  const reporter = new CaseReporter();
  const include = suiteFiles({ ...settings, programs: {} });
  let vitest: Vitest;
  forgetTlsSetup();
  try {
    const { createVitest } = await import('vitest/node');
    vitest = await createVitest('test', {
      config: false,
      root: kitRoot,
      include,
      watch: false,
      reporters: [reporter],
      pool: 'forks',
      // One worker process runs several suite files: each file would otherwise pay a process start and the import of
      // the whole harness. The suites keep no state between cases (each case has its own CaseRun), so nothing leaks.
      isolate: false,
      // The cases of a file run side by side (docs/performance.md); a case that must run alone says so.
      sequence: { concurrent: true },
      maxConcurrency: CASES_AT_ONCE,
      // The harness and suites compiled once and kept on disk between runs, in the kit's own folder.
      experimental: { fsModuleCache: true, fsModuleCachePath: path.join('.socklab', 'vitest-cache') },
      // Never more workers than files: each worker is a process to start.
      maxWorkers: Math.max(1, Math.min(jobs, include.length)),
      passWithNoTests: true,
      // --bail: the first failure ends the run (the cases not run yet are reported as not run).
      ...(run.bail ? { bail: 1 } : {}),
      // A case's own deadline ends it first; this is only the backstop.
      testTimeout: 120_000,
      hookTimeout: 120_000,
    }, { logLevel: 'silent', cacheDir: path.join(kitRoot, 'node_modules', '.vite') });
  } catch (error) {
    throw new KitError(`kit error: the test runner could not start: ${(error as Error).message}`);
  }
  return {
    async run(full: RunSettings) {
      try {
        // The settings reach the workers when they start, as `inject('socklab')`.
        vitest.provide('socklab', full);
        await vitest.start();
      } finally {
        await vitest.close();
      }
      return reporter.results;
    },
    close: () => vitest.close(),
  };
}

/** Runs grading/suites/<id>/*.test.ts for the exercises in `settings.manifests`; never reads tests from the target. */
export async function runSuites(settings: RunSettings, jobs: number, run: { bail?: boolean } = {}): Promise<CollectedResults> {
  return (await openSuiteRunner(settings, jobs, run)).run(settings);
}
