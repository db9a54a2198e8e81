// Grades one student in a child process of its own, with a time bound that ends the whole process group.
import { execa } from 'execa';
import path from 'node:path';
import { kitRoot } from '../grader/kit-paths.ts';
import type { Student } from './roster.ts';

export interface StudentRun { name: string; status: 'graded' | 'timed out' | 'kit error'; seconds: number; detail: string }

/** Runs `socklab grade-submission` for one student into `outDir`; never rejects. */
export async function gradeOneStudent(student: Student, outDir: string, options: { seed: number; formats: string[]; exercises: string[]; timeLimitMs: number; innerJobs: number; requireSandbox?: boolean }): Promise<StudentRun> {
  const started = Date.now();
  const args = [path.join(kitRoot, 'bin', 'socklab.js'), 'grade-submission', student.upload, '--out', outDir, '--seed', String(options.seed),
    '--format', ['json', ...options.formats].join(','), '--jobs', String(options.innerJobs), ...options.exercises.flatMap((id) => ['--exercise', id]), ...(options.requireSandbox ? ['--require-sandbox'] : [])];
  // A group of its own, so the time bound stops the grader and everything it started, together.
  const child = execa(process.execPath, args, { cwd: kitRoot, reject: false, detached: true, all: true, env: { NO_COLOR: '1' } });
  const stopGroup = (signal: NodeJS.Signals) => { try { process.kill(-child.pid!, signal); } catch { /* already gone */ } };
  let timedOut = false;
  const term = setTimeout(() => { timedOut = true; stopGroup('SIGTERM'); }, options.timeLimitMs);
  const kill = setTimeout(() => stopGroup('SIGKILL'), options.timeLimitMs + 5000);
  const result = await child;
  clearTimeout(term);
  clearTimeout(kill);
  const seconds = (Date.now() - started) / 1000;
  const tail = String(result.all ?? '').split('\n').slice(-20).join('\n');
  if (timedOut) return { name: student.name, status: 'timed out', seconds, detail: `stopped after ${options.timeLimitMs / 1000} s (--time-limit)` };
  if (result.exitCode !== 0) return { name: student.name, status: 'kit error', seconds, detail: tail };
  return { name: student.name, status: 'graded', seconds, detail: '' };
}
