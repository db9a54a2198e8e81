// The whole path, as an instructor runs it: `socklab grade` on a student folder whose server is hostile. The grader
// completes (exit 0, a valid report), every server case fails with the cause in its message, and no process of the
// student's is left afterwards. The exercise is the real udp-uppercase; only the target folder is made up.
import { cp, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { solutionsDir } from '../../grading/grader/kit-paths.ts';
import { gradeWithCli } from '../../grading/self-test/grade-cli.ts';
import { fixtureDir } from './support/hostile.ts';

/** A target folder whose udp-uppercase server is the fixture's, beside the reference client. */
async function targetWith(fixture: string): Promise<string> {
  const target = await mkdtemp(path.join(os.tmpdir(), `socklab-hostile-${fixture}-`));
  const exercise = path.join(target, 'udp-uppercase');
  await mkdir(exercise);
  await cp(fixtureDir(fixture), exercise, { recursive: true });
  await cp(path.join(solutionsDir, 'udp-uppercase', 'client.ts'), path.join(exercise, 'client.ts'));
  return target;
}

/** Processes whose command line mentions `dir` (the student's programs run from there). */
function processesUnder(dir: string): string[] {
  const found: string[] = [];
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8').replaceAll('\0', ' ');
      if (cmdline.includes(dir) && !cmdline.includes('socklab.js')) found.push(`${name}: ${cmdline}`);
    } catch { /* gone meanwhile */ }
  }
  return found;
}

async function gradeHostile(fixture: string) {
  const target = await targetWith(fixture);
  try {
    const result = await gradeWithCli(['udp-uppercase'], target);
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.report).toBeDefined();
    const tests = result.report!.exercises[0].tests;
    return { tests, server: tests.filter((t) => t.id.startsWith('server-')), client: tests.filter((t) => t.id.startsWith('client-')), leftovers: processesUnder(target), report: result.report! };
  } finally {
    await rm(target, { recursive: true, force: true });
  }
}

describe.runIf(process.platform === 'linux').concurrent('socklab grade with a hostile server', () => {
  test('a server that floods stdout: every server case failed, naming the flood; the client still graded', async () => {
    const { server, client, leftovers } = await gradeHostile('floods-stdout');
    expect(server.length).toBeGreaterThan(0);
    for (const t of server) {
      expect(t.status, t.id).toBe('failed');
      // Stopped at the 64 MiB limit; or, on a machine so busy that the flood had not reached it, not listening after
      // 5 s, with what it had written by then (a CI run under load saw 63.2 MiB). Either way the flood is named.
      expect(t.message, t.id).toMatch(/because it wrote more than 64 MiB to stdout|it had written [1-9]\d\.\d MiB to stdout by then/);
      expect(t.message, t.id).toContain('Output that never stops is usually a debug print inside a loop');
    }
    expect(client.every((t) => t.status === 'passed'), client.map((t) => `${t.id}: ${t.message}`).join('\n')).toBe(true);
    expect(leftovers).toEqual([]);
  });

  test('a server that does not compile: every server case is an error naming file and line, not a failure', async () => {
    const { server, report, leftovers } = await gradeHostile('does-not-compile');
    expect(server.length).toBeGreaterThan(0);
    for (const t of server) {
      expect(t.status, t.id).toBe('error');
      expect(t.message, t.id).toContain('server.ts does not compile');
      expect(t.score).toBe(0);
    }
    expect(report.exercises[0].problems.join('\n')).toMatch(/server\.ts:8:48/);
    expect(leftovers).toEqual([]);
  });
});
