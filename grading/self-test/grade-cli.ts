// Runs the real `socklab` command in a child process, as an instructor would, and reads its JSON report.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { kitRoot } from '../grader/kit-paths.ts';
import type { Report } from '../grader/report.ts';

export const socklabBin = path.join(kitRoot, 'bin', 'socklab.js');

/** Runs `socklab <args…>`; never rejects, so a test can check the exit code. */
export function socklab(args: string[], options: { cwd?: string; input?: string; timeout?: number } = {}) {
  return execa(process.execPath, [socklabBin, ...args], {
    cwd: options.cwd ?? kitRoot,
    reject: false,
    input: options.input,
    timeout: options.timeout ?? 300_000,
    env: { NO_COLOR: '1' },
  });
}

/** `socklab grade <ids> --target <target> --format json`, returning the exit code, the report and the output. */
export async function gradeWithCli(ids: string[], target: string, extra: string[] = []) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-report-'));
  const out = path.join(dir, 'made-by-out', 'report.json'); // --out creates its folder
  try {
    const result = await socklab(['grade', ...ids, '--target', target, '--format', 'json', '--out', out, ...extra]);
    let report: Report | undefined;
    try { report = JSON.parse(await readFile(out, 'utf8')) as Report; } catch { report = undefined; }
    return { exitCode: result.exitCode, stdout: String(result.stdout), stderr: String(result.stderr), report };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
