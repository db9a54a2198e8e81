// Writes one grading run as several report files, so every format a course asks for comes from the same run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../grader/kit-error.ts';
import type { Report } from '../grader/report.ts';
import { FORMATS } from '../writers/formats.ts';

/** The file each format is written to inside a report folder (Gradescope's name is its own). */
export const REPORT_FILES: Record<string, string> = {
  text: 'report.txt', json: 'report.json', gradescope: 'results.json', junit: 'report.xml', markdown: 'report.md',
};

/** Parses `--format a,b,c` (repeatable); unknown names are a UsageError that lists the known ones. */
export function parseFormats(command: string, raw: string[] | undefined, fallback: string[]): string[] {
  const formats = (raw ?? []).flatMap((value) => value.split(',')).map((value) => value.trim()).filter(Boolean);
  for (const format of formats) {
    if (!(format in FORMATS)) throw new UsageError(`socklab ${command}: --format ${format}: expected one of ${Object.keys(FORMATS).join(', ')}`);
  }
  return formats.length > 0 ? [...new Set(formats)] : fallback;
}

/** Adds what the upload held to the student-facing formats, where a student would look for it. */
function withNotes(format: string, rendered: string, notes: string[]): string {
  if (notes.length === 0) return rendered;
  if (format === 'gradescope') {
    const results = JSON.parse(rendered) as { output: string };
    results.output = [...notes, results.output].join('\n\n');
    return JSON.stringify(results, null, 2) + '\n';
  }
  if (format === 'markdown') return rendered.replace('\n\n', `\n\n${notes.map((note) => `> ${note}`).join('\n')}\n\n`);
  if (format === 'text') return `${notes.join('\n')}\n${rendered}`;
  return rendered;
}

/** Writes `report` into `dir` once per format; returns the files written. */
export async function writeReports(report: Report, dir: string, formats: string[], notes: string[] = []): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const written: string[] = [];
  for (const format of formats) {
    const file = path.join(dir, REPORT_FILES[format]);
    await writeFile(file, withNotes(format, FORMATS[format](report), notes));
    written.push(file);
  }
  return written;
}
