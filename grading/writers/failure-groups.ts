// Sorts an exercise's failures the way a student should read them: a role whose program does nothing yet gets one
// short "start here" block; a cause many cases share is shown once with the cases it cost; the rest one by one.
import type { ExerciseResult, TestResult } from '../grader/report.ts';

/** A role whose every case failed for one cause: its program does nothing yet (or dies before doing anything). */
export interface IdleRole { role: string; cause: string; tests: TestResult[]; guide: string[] }

/** Cases that failed for one shared cause, shown once through the first of them. */
export interface SharedCause { cause: string; tests: TestResult[] }

export interface FailureView {
  idle: IdleRole[];
  shared: SharedCause[];
  /** Failures shown each in full. */
  single: TestResult[];
}

/** Groups the failures of one exercise for the terminal report. */
export function groupFailures(exercise: ExerciseResult): FailureView {
  const idle: IdleRole[] = [];
  const idleRoles = new Set<string>();
  const roles = [...new Set(exercise.tests.map((test) => test.role).filter((role): role is string => role !== undefined))];
  for (const role of roles) {
    const tests = exercise.tests.filter((test) => test.role === role);
    const cause = tests[0].cause;
    const guide = exercise.startHere?.[role];
    if (!cause || !guide || !tests.every((test) => test.status !== 'passed' && test.cause === cause)) continue;
    idle.push({ role, cause, tests, guide });
    idleRoles.add(role);
  }
  const failures = exercise.tests.filter((test) => test.status !== 'passed' && !idleRoles.has(test.role ?? ''));
  const byCause = new Map<string, TestResult[]>();
  for (const test of failures) if (test.cause) byCause.set(test.cause, [...(byCause.get(test.cause) ?? []), test]);
  const shared = [...byCause].filter(([, tests]) => tests.length > 1).map(([cause, tests]) => ({ cause, tests }));
  const sharedIds = new Set(shared.flatMap((group) => group.tests.map((test) => test.id)));
  return { idle, shared, single: failures.filter((test) => !sharedIds.has(test.id)) };
}
