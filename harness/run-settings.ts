// What the grader tells every suite about this run (target, prepared programs, seed), through vitest's provide/inject.
import { KitError } from './failure.ts';
import { inject } from 'vitest';
import type { PreparedProgram } from './prepare-program.ts';

/** One role of an exercise, as its manifest declares it. */
export interface RoleSpec {
  kind: 'server' | 'client' | 'command';
  transport?: 'tcp' | 'udp';
  /** Arguments with placeholders: {port}, {host}, and any the suite supplies (such as {root}). */
  args: string[];
  summary?: string;
  /** Placeholders `socklab run` fills with a sample fixture it builds (placeholder → fixture name). */
  samples?: Record<string, string>;
  /** A command to try the running program with, printed by `socklab run` ({port} is filled in). */
  try?: string;
  /** Options to try a command with by hand, shown where a student starts. */
  example?: string;
}

/** An exercise manifest (exercises/<id>/exercise.json), already validated against its schema. */
export interface Manifest {
  id: string;
  title: string;
  textbook: { section: string; title: string };
  rfcs?: string[];
  roles: Record<string, RoleSpec>;
}

export interface RunSettings {
  /** The folder holding the exercise folders being graded. */
  target: string;
  /** How the student names that folder on the command line; '' when it is the default. */
  targetOption: string;
  seed: number;
  /** Cases that are not `visible` are skipped (a student's `socklab test` without --all). */
  visibleOnly: boolean;
  /** When set, only the cases with these ids run (`--case`); the others are skipped. */
  onlyCases?: string[];
  /** When set, only the cases of this role (`--role server`) or this level (`--level core`) run. */
  onlyRole?: string;
  onlyLevel?: 'core' | 'rfc';
  /** Every case is skipped: the run only lists them (`socklab test <id> --list`). */
  listOnly?: boolean;
  manifests: Record<string, Manifest>;
  /** exercise id → role → how to start it, or why it cannot be. */
  programs: Record<string, Record<string, PreparedProgram>>;
  /** The kit's reference solutions (solutions/<id>/), prepared the same way, for cases that compare with them. */
  references?: Record<string, Record<string, PreparedProgram>>;
}

declare module 'vitest' {
  export interface ProvidedContext {
    socklab: RunSettings;
  }
}

/** The settings of the current run; a suite run outside the grader is a kit error that says so. */
export function runSettings(): RunSettings {
  const settings = inject('socklab');
  if (!settings) throw new KitError('kit error: grading suites run through `socklab test` or `socklab grade`, not vitest alone');
  return settings;
}
