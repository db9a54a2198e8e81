// Reads the students' reports from one or more class folders and writes grades.csv, summary.md and histogram.svg.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../grader/kit-error.ts';
import type { Report } from '../grader/report.ts';
import { gradesCsv, summaryMarkdown, type GradedStudent } from './class-summary.ts';
import { renderScoreHistogram } from './score-histogram.ts';
import { readUploadRecord } from './write-reports.ts';

/** What a grade-class run records beside its students, so a rerun and a merge know the class it belongs to. */
export interface ClassRecord { seed: number; exercises: string[]; students: string[]; notGraded: Record<string, string> }

export const CLASS_FILE = 'class.json';

export function readClassRecord(dir: string): ClassRecord | undefined {
  const file = path.join(dir, CLASS_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as ClassRecord) : undefined;
}

/** Joins class folders (one, or a shard each) and writes the class files into `out`. */
export async function writeClassOutput(dirs: string[], out: string): Promise<{ graded: number; notGraded: number }> {
  const graded: GradedStudent[] = [];
  const notGraded: Array<{ name: string; status: string }> = [];
  const records = dirs.map((dir) => {
    const record = readClassRecord(dir);
    if (!record) throw new UsageError(`socklab grade-class: ${dir} has no ${CLASS_FILE}: it is not the output of socklab grade-class`);
    return { dir, record };
  });
  const seeds = new Set(records.map(({ record }) => record.seed));
  if (seeds.size > 1) throw new UsageError(`socklab grade-class --merge: the folders were graded with different seeds (${[...seeds].join(', ')}); grade every shard with the same --seed`);
  const lists = new Set(records.map(({ record }) => [...record.exercises].sort().join(',')));
  if (lists.size > 1) throw new UsageError(`socklab grade-class --merge: the folders were graded on different exercises (${[...lists].join(' / ')}); grade every shard with the same --exercise list`);
  const exercises = records[0].record.exercises;
  const seen = new Set<string>();
  for (const { dir, record } of records) {
    const studentsDir = path.join(dir, 'students');
    const folders = existsSync(studentsDir) ? readdirSync(studentsDir).filter((name) => !name.startsWith('.')) : [];
    for (const name of record.students) {
      if (seen.has(name)) throw new UsageError(`socklab grade-class --merge: ${name} is in two of the folders; shards must not overlap`);
      seen.add(name);
      const reportFile = path.join(studentsDir, name, 'report.json');
      if (folders.includes(name) && existsSync(reportFile)) {
        const report = JSON.parse(readFileSync(reportFile, 'utf8')) as Report;
        graded.push({ name, report, noProgram: !readUploadRecord(path.join(studentsDir, name)).usable });
      }
      else notGraded.push({ name, status: record.notGraded[name] ?? 'not graded yet' });
    }
  }
  graded.sort((a, b) => a.name.localeCompare(b.name));
  await mkdir(out, { recursive: true });
  const percents = graded.map(({ report }) => (report.maxScore === 0 ? 100 : (100 * report.score) / report.maxScore));
  await writeFile(path.join(out, 'grades.csv'), gradesCsv(exercises, graded, notGraded));
  await writeFile(path.join(out, 'summary.md'), summaryMarkdown(graded, notGraded, [...seeds][0]));
  await writeFile(path.join(out, 'histogram.svg'), renderScoreHistogram(percents, `socklab: ${exercises.join(', ')}`));
  return { graded: graded.length, notGraded: notGraded.length };
}
