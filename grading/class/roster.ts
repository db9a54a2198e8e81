// The students of a submissions folder, and the stable slice of them one machine grades (`--shard I/N`).
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { UsageError } from '../grader/kit-error.ts';

export interface Student { name: string; upload: string }

/** One student per folder or .zip in `dir`, named after it (a zip's name without .zip), in name order. */
export function listStudents(dir: string): Student[] {
  const students = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && (entry.isDirectory() || /\.zip$/i.test(entry.name)))
    .map((entry) => ({ name: entry.name.replace(/\.zip$/i, ''), upload: path.join(dir, entry.name) }))
    .sort((a, b) => a.name.localeCompare(b.name));
  const seen = new Set<string>();
  for (const student of students) {
    if (seen.has(student.name)) throw new UsageError(`socklab grade-class: ${student.name} is both a folder and a .zip in ${dir}; keep one`);
    seen.add(student.name);
  }
  return students;
}

/** What `dir` holds besides students (loose files, other archives): a grade-class run names them, so none vanishes. */
export function ignoredEntries(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => !entry.name.startsWith('.') && !entry.isDirectory() && !/\.zip$/i.test(entry.name))
    .map((entry) => entry.name)
    .sort();
}

/** Parses `I/N` (1-based); a bad value is a UsageError. */
export function parseShard(raw: string | undefined): { index: number; count: number } | undefined {
  if (raw === undefined) return undefined;
  const match = /^(\d+)\/(\d+)$/.exec(raw);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || count < 1 || index < 1 || index > count) throw new UsageError(`socklab grade-class: --shard ${raw}: expected I/N with 1 ≤ I ≤ N, e.g. --shard 2/3`);
  return { index, count };
}

/**
 * The students of shard I of N: chosen by a hash of the name, so a student stays in the same shard when others
 * join or leave the class, and every student is in exactly one shard.
 */
export function shardOf(students: Student[], shard: { index: number; count: number } | undefined): Student[] {
  if (!shard) return students;
  return students.filter((student) => createHash('sha256').update(student.name).digest().readUInt32BE(0) % shard.count === shard.index - 1);
}
