// The one report model every output format is written from (its JSON schema: grading/schemas/report.schema.json).
import type { Level, Visibility } from '../../harness/case-meta.ts';

export type TestStatus = 'passed' | 'failed' | 'error';

export interface TestResult {
  id: string;
  name: string;
  /** `error`: the case could not judge (compile error, missing program), not that the program was wrong. */
  status: TestStatus;
  score: number;
  maxScore: number;
  level: Level;
  visibility: Visibility;
  /** The README heading the case is listed under, and the role whose program it grades. */
  group?: string;
  role?: string;
  reference?: string;
  durationMs: number;
  /** The whole failure message ('' when passed). */
  message: string;
  transcript?: string[];
  repro?: string[];
  /** A cause other failures may share (never listened, exited at once): a report shows it once. */
  cause?: string;
}

export interface ExerciseResult {
  id: string;
  title: string;
  textbookSection?: string;
  score: number;
  maxScore: number;
  /** Programs that could not be judged at all, each message shown once. */
  problems: string[];
  /** Cases not run because they are not visible (a student's run without --all). */
  notRun: number;
  tests: TestResult[];
  /** For each role: what its program must do, where to start, how to try it (shown while it does nothing yet). */
  startHere?: Record<string, string[]>;
}

export interface Report {
  schemaVersion: 1;
  kit: { name: string; version: string };
  target: string;
  seed: number;
  startedAt: string;
  durationMs: number;
  score: number;
  maxScore: number;
  exercises: ExerciseResult[];
}

/** Adds up points so that totals are computed in one place. */
export function totals(items: Array<{ score: number; maxScore: number }>): { score: number; maxScore: number } {
  return {
    score: items.reduce((sum, item) => sum + item.score, 0),
    maxScore: items.reduce((sum, item) => sum + item.maxScore, 0),
  };
}

/** Percentage of the points scored, 0 to 100 (100 when nothing could be scored). */
export function percent(report: { score: number; maxScore: number }): number {
  return report.maxScore === 0 ? 100 : (100 * report.score) / report.maxScore;
}
