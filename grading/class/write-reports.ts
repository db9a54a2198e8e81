// Writes one grading run as several report files, so every format a course asks for comes from the same run.
import { existsSync, readFileSync } from 'node:fs';
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

/** What the upload held, beside its reports: grade-class tells an unusable upload from a real 0, and a rerun that
 * asks for more formats writes them from report.json with the same notes. */
export interface UploadRecord { usable: boolean; notes: string[] }

export const UPLOAD_FILE = 'upload.json';

export async function writeUploadRecord(dir: string, record: UploadRecord): Promise<void> {
  await writeFile(path.join(dir, UPLOAD_FILE), JSON.stringify(record, null, 2) + '\n');
}

/** The upload record of a report folder; a folder written before it existed counts as a usable upload, no notes. */
export function readUploadRecord(dir: string): UploadRecord {
  const file = path.join(dir, UPLOAD_FILE);
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as UploadRecord) : { usable: true, notes: [] };
}

/** Writes the formats asked that a report folder lacks, from its report.json (a rerun asking for more formats). */
export async function completeFormats(dir: string, formats: string[]): Promise<string[]> {
  const missing = formats.filter((format) => !existsSync(path.join(dir, REPORT_FILES[format])));
  if (missing.length === 0) return [];
  const report = JSON.parse(readFileSync(path.join(dir, REPORT_FILES.json), 'utf8')) as Report;
  return writeReports(report, dir, missing, readUploadRecord(dir).notes);
}
