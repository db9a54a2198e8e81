// Grades a class: every student of the shard in a pool of child processes, each bounded in time, resumable.
import { existsSync } from 'node:fs';
import { mkdir, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CLASS_FILE, readClassRecord, writeClassOutput, type ClassRecord } from './class-output.ts';
import { gradeOneStudent, type StudentRun } from './grade-one-student.ts';
import { completeFormats } from './write-reports.ts';
import type { Student } from './roster.ts';

export interface ClassOptions {
  students: Student[];
  out: string;
  seed: number;
  exercises: string[];
  formats: string[];
  jobs: number;
  /** vitest workers inside each student's run. */
  innerJobs: number;
  timeLimitMs: number;
  force: boolean;
  requireSandbox?: boolean;
  log: (line: string) => void;
}

/** Grades the students not graded yet (all with `force`), then writes the class files; returns every run. */
export async function gradeClass(options: ClassOptions): Promise<StudentRun[]> {
  const studentsDir = path.join(options.out, 'students');
  await mkdir(studentsDir, { recursive: true });
  const previous = readClassRecord(options.out);
  const record: ClassRecord = { seed: options.seed, exercises: options.exercises, students: options.students.map((s) => s.name), notGraded: { ...previous?.notGraded } };
  const todo = options.students.filter((student) => options.force || !existsSync(path.join(studentsDir, student.name, 'report.json')));
  options.log(`${options.students.length - todo.length} of ${options.students.length} students already graded; grading ${todo.length} with ${options.jobs} at a time, seed ${options.seed}`);
  // Those graded before keep their grade; a format asked now and not then is written from their report.json.
  let completed = 0;
  for (const student of options.students.filter((s) => !todo.includes(s))) {
    if ((await completeFormats(path.join(studentsDir, student.name), ['json', ...options.formats])).length > 0) completed += 1;
  }
  if (completed > 0) options.log(`wrote the formats asked now (${options.formats.join(', ')}) for ${completed} students graded before, from their report.json`);
  const runs: StudentRun[] = [];
  // A class takes a while (docs/instructors.md): the time left, at the pace so far, once a few students are done.
  const started = Date.now();
  const timeLeft = (done: number) => {
    if (done < Math.min(3, todo.length) || done === todo.length) return '';
    const seconds = ((Date.now() - started) / 1000 / done) * (todo.length - done);
    return ` · about ${seconds < 90 ? `${Math.ceil(seconds)} s` : `${Math.ceil(seconds / 60)} min`} left`;
  };
  let next = 0;
  const worker = async () => {
    while (next < todo.length) {
      const student = todo[next++];
      // Written aside and moved in whole, so an interrupted run never leaves a half-graded student behind.
      const partial = path.join(studentsDir, `.partial-${student.name}`);
      await rm(partial, { recursive: true, force: true });
      const run = await gradeOneStudent(student, partial, options);
      const final = path.join(studentsDir, student.name);
      if (run.status === 'graded') {
        await rm(final, { recursive: true, force: true });
        await rename(partial, final);
        delete record.notGraded[student.name];
      } else {
        await rm(partial, { recursive: true, force: true });
        record.notGraded[student.name] = run.status;
      }
      runs.push(run);
      options.log(`${String(runs.length).padStart(4)}/${todo.length} ${student.name}: ${run.status} in ${run.seconds.toFixed(1)} s${timeLeft(runs.length)}${run.detail ? `\n${run.detail}` : ''}`);
      await writeFile(path.join(options.out, CLASS_FILE), JSON.stringify(record, null, 2) + '\n');
    }
  };
  await writeFile(path.join(options.out, CLASS_FILE), JSON.stringify(record, null, 2) + '\n');
  await Promise.all(Array.from({ length: Math.min(options.jobs, Math.max(1, todo.length)) }, worker));
  await writeClassOutput([options.out], options.out);
  return runs;
}
