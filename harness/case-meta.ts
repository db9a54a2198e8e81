// What each case tells the reporter beside its pass or fail: points, visibility, and the parts of its failure.
import type {} from 'vitest'; // the TaskMeta augmentation below needs vitest's types loaded, whoever imports this first

export type Visibility = 'visible' | 'hidden' | 'after_due_date' | 'after_published';

/** `core`: what the textbook's own lab asks; `rfc`: the conformance depth beyond it. An instructor can grade either. */
export type Level = 'core' | 'rfc';

/** A case as its suite declares it. */
export interface CaseSpec {
  /** Stable, kebab-case, unique within the exercise: reports and mutants refer to it. */
  id: string;
  /** One line saying what the case checks. */
  name: string;
  points: number;
  /** `core` (the textbook lab) or `rfc` (conformance depth): every case says which. */
  level: Level;
  /** The README heading (under "What is graded") the case is listed under; default: its suite file's group. */
  group?: string;
  /** Who sees the result on a grading platform (Gradescope's values); default `visible`. */
  visibility?: Visibility;
  /** The RFC or textbook section the case checks, e.g. "RFC 9112 §9.3". */
  reference?: string;
  /** The case's own deadline in milliseconds before scaling, when it needs more than the default. */
  timeoutMs?: number;
  /** A case that measures time runs with no other case of its file beside it (the others run a few at a time). */
  alone?: boolean;
}

/** What a finished case leaves in vitest's task meta for the grader's reporter. */
export interface CaseMeta {
  exercise: string;
  id: string;
  points: number;
  level: Level;
  visibility: Visibility;
  /** The README heading the case is listed under, and the role whose program it grades. */
  group?: string;
  role?: string;
  reference?: string;
  /** When the failure has a cause other cases may share (never listened, exited at once): one line naming it. */
  cause?: string;
  /** `error` means the case could not judge (program missing, compile error); `kit` means the kit itself broke. */
  outcome?: 'failed' | 'error' | 'kit';
  transcript?: string[];
  repro?: string[];
}

declare module 'vitest' {
  interface TaskMeta {
    socklab?: CaseMeta;
  }
}
