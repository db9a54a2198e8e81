// A vitest reporter that keeps each case's outcome and meta, and separates kit errors from students' failures.
import path from 'node:path';
import type { Reporter, SerializedError, TestCase, TestModule } from 'vitest/node';
import type { CaseMeta } from '../../harness/case-meta.ts';
import type { TestResult } from './report.ts';
import { suitesDir } from './kit-paths.ts';

export interface CollectedResults {
  /** exercise id → its cases, in declaration order. */
  tests: Record<string, TestResult[]>;
  /** exercise id → number of cases skipped for visibility. */
  notRun: Record<string, number>;
  /** exercise id → the cases not run, with their points and level (what `--list` shows). */
  skipped: Record<string, TestResult[]>;
  /** Problems in the kit itself: a suite that failed to load, a case that crashed, an unhandled error. */
  kitErrors: string[];
}

function exerciseOf(moduleId: string): string {
  return path.relative(suitesDir, moduleId).split(path.sep)[0];
}

function errorText(error: SerializedError | { message: string; stack?: string }): string {
  return error.stack ?? error.message;
}

/** Collects the results of one run; read `results` after vitest has finished. */
export class CaseReporter implements Reporter {
  readonly results: CollectedResults = { tests: {}, notRun: {}, skipped: {}, kitErrors: [] };

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<SerializedError>): void {
    for (const error of unhandledErrors) this.results.kitErrors.push(`unhandled error during the run: ${errorText(error)}`);
    // Sorted by file, so that a report lists the cases in the same order every run.
    for (const module of [...testModules].sort((a, b) => a.moduleId.localeCompare(b.moduleId))) {
      const exercise = exerciseOf(module.moduleId);
      for (const error of module.errors()) this.results.kitErrors.push(`suite ${path.relative(suitesDir, module.moduleId)} failed to run: ${errorText(error)}`);
      const tests = (this.results.tests[exercise] ??= []);
      this.results.notRun[exercise] ??= 0;
      this.results.skipped[exercise] ??= [];
      for (const testCase of module.children.allTests()) this.collect(exercise, testCase, tests);
    }
  }

  private collect(exercise: string, testCase: TestCase, tests: TestResult[]): void {
    const result = testCase.result();
    const meta = testCase.meta().socklab as CaseMeta | undefined;
    if (result.state === 'skipped') {
      this.results.notRun[exercise] += 1;
      if (meta) this.results.skipped[exercise].push(this.testResult(testCase, meta, false, []));
      return;
    }
    const errors = result.state === 'failed' ? result.errors : [];
    if (!meta) {
      this.results.kitErrors.push(`case "${testCase.fullName}" of ${exercise} did not declare its points: ${errors.map(errorText).join('\n')}`);
      return;
    }
    if (meta.outcome === 'kit' || (result.state === 'failed' && !meta.outcome)) {
      this.results.kitErrors.push(`case ${exercise}/${meta.id} crashed inside the kit: ${errors.map(errorText).join('\n')}`);
    }
    tests.push(this.testResult(testCase, meta, result.state === 'passed', errors));
  }

  private testResult(testCase: TestCase, meta: CaseMeta, passed: boolean, errors: ReadonlyArray<SerializedError>): TestResult {
    return {
      id: meta.id,
      name: testCase.name,
      status: passed ? 'passed' : meta.outcome === 'failed' ? 'failed' : 'error',
      score: passed ? meta.points : 0,
      maxScore: meta.points,
      level: meta.level,
      visibility: meta.visibility,
      ...(meta.group ? { group: meta.group } : {}),
      ...(meta.role ? { role: meta.role } : {}),
      ...(meta.reference ? { reference: meta.reference } : {}),
      durationMs: Math.round(testCase.diagnostic()?.duration ?? 0),
      message: passed ? '' : errors.map((error) => error.message).join('\n'),
      ...(!passed && meta.transcript ? { transcript: meta.transcript } : {}),
      ...(!passed && meta.repro ? { repro: meta.repro } : {}),
      ...(!passed && meta.cause ? { cause: meta.cause } : {}),
    };
  }
}
