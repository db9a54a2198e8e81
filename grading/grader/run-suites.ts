// Runs the kit's suites for some exercises through vitest's Node API, telling them the target via provide/inject.
import os from 'node:os';
import path from 'node:path';
import { createVitest } from 'vitest/node';
import type { RunSettings } from '../../harness/run-settings.ts';
import { CaseReporter, type CollectedResults } from './case-reporter.ts';
import { KitError } from './kit-error.ts';
import { kitRoot } from './kit-paths.ts';
import { suiteFiles } from './suite-files.ts';

/** How many suite files run at once: the cases wait on sockets far more than they compute. */
export function defaultJobs(): number {
  return Math.min(4, Math.max(2, os.availableParallelism()));
}

/** Runs grading/suites/<id>/*.test.ts for the exercises in `settings.manifests`; never reads tests from the target. */
export async function runSuites(settings: RunSettings, jobs: number, run: { bail?: boolean } = {}): Promise<CollectedResults> {
  const reporter = new CaseReporter();
  const include = suiteFiles(settings);
  let vitest;
  try {
    vitest = await createVitest('test', {
      config: false,
      root: kitRoot,
      include,
      watch: false,
      reporters: [reporter],
      provide: { socklab: settings },
      pool: 'forks',
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
  try {
    await vitest.start();
  } finally {
    await vitest.close();
  }
  return reporter.results;
}
