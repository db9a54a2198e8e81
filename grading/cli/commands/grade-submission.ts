// `socklab grade-submission UPLOAD --out DIR`: grades what one student handed in (flat files, exercises/, a zip),
// once, writing every format asked from that one run. Gradescope's run_autograder, CI and grade-class use it.
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { BadUpload } from '../../class/unzip.ts';
import { prepareSubmission } from '../../class/submission.ts';
import { parseFormats, writeReports, writeUploadRecord } from '../../class/write-reports.ts';
import { grade } from '../../grader/grade.ts';
import { gradeInSandbox } from '../../grader/isolated-grading.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { percent } from '../../grader/report.ts';
import { applyTimeoutScale, numberOption, parseOptions } from '../options.ts';

const OPTIONS = {
  out: { type: 'string' }, format: { type: 'string', multiple: true }, exercise: { type: 'string', multiple: true },
  seed: { type: 'string' }, jobs: { type: 'string' }, 'timeout-scale': { type: 'string' }, 'fail-under': { type: 'string' },
  'require-sandbox': { type: 'boolean' },
} as const;

export async function gradeSubmissionCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('grade-submission', args, OPTIONS);
  if (positionals.length !== 1) throw new UsageError('socklab grade-submission: name one upload (a folder or a .zip)');
  const upload = path.resolve(positionals[0]);
  if (!existsSync(upload)) throw new UsageError(`socklab grade-submission: ${positionals[0]}: no such file or folder`);
  if (!values.out) throw new UsageError('socklab grade-submission: --out DIR is required');
  const formats = parseFormats('grade-submission', values.format, ['json', 'text']);
  const seed = numberOption('grade-submission', 'seed', values.seed, 0, 2 ** 31 - 1);
  const jobs = numberOption('grade-submission', 'jobs', values.jobs, 1, 64);
  const failUnder = numberOption('grade-submission', 'fail-under', values['fail-under'], 0, 100);
  applyTimeoutScale('grade-submission', values['timeout-scale']);
  const manifests = loadManifests(values.exercise ?? []);
  // Re-runs this command inside the grading network namespace when the sandbox exists (as `grade` does).
  const isolated = await gradeInSandbox('grade-submission', values['require-sandbox'] === true);
  if (isolated !== undefined) return isolated;

  let submission;
  let usable = true;
  try {
    submission = await prepareSubmission(upload, Object.values(manifests));
  } catch (error) {
    if (!(error instanceof BadUpload)) throw error;
    // The student's upload is unusable: grade nothing, so every case says which program is missing.
    usable = false;
    const empty = await mkdtemp(path.join(os.tmpdir(), 'socklab-upload-'));
    submission = { target: path.join(empty, 'exercises'), notes: [`Your upload could not be used: ${error.message}.`], dispose: () => rm(empty, { recursive: true, force: true }) };
  }
  try {
    // Every exercise graded gets its folder, so that a missing program reads "there is no calc program in
    // …/exercises/p2p-distribution" with the file names to upload, never a hint about --target meant for the CLI.
    for (const id of Object.keys(manifests)) await mkdir(path.join(submission.target, id), { recursive: true });
    for (const note of submission.notes) console.log(note);
    const report = await grade({ ids: Object.keys(manifests), target: submission.target, targetOption: '', seed, jobs });
    const written = await writeReports(report, path.resolve(values.out), formats, submission.notes);
    await writeUploadRecord(path.resolve(values.out), { usable, notes: submission.notes });
    console.log(`${report.score}/${report.maxScore} points · seed ${report.seed} · written to ${values.out}: ${written.map((f) => path.basename(f)).join(', ')}`);
    if (failUnder !== undefined && percent(report) < failUnder) {
      console.error(`score ${percent(report).toFixed(1)}% is under --fail-under ${failUnder}%`);
      return 1;
    }
    return 0;
  } finally {
    await submission.dispose();
  }
}
