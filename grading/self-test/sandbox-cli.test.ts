// The sandbox seen from the grade itself: a correct server that also tries every escape (reads the kit's solutions
// through the grader's command lines, lists the interfaces, leaves a detached child to overwrite the report) still
// scores full marks, the report stays the grader's, and nothing of it survives. Without the sandbox the same
// program loses its points and overwrites the report: the check can fail.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { readdirSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sandboxSupport } from '../../harness/sandbox/support.ts';
import type { Report } from '../grader/report.ts';
import { kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import { socklabBin } from './grade-cli.ts';

const MARKER = 'socklab-overwrite-marker';
const CASES = ['--case', 'server-uppercases-a-datagram', '--case', 'server-unicode-uppercase'];
const fixture = fileURLToPath(new URL('../../harness/test/fixtures/correct-but-hostile/udp-uppercase/server.mjs', import.meta.url));

function overwriters(): number[] {
  return readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number).filter((pid) => {
    try { return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(MARKER); } catch { return false; }
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let dir: string;

/** Grades the hostile target through the CLI; the report is written to `out`, which the program is told. */
async function gradeHostile(out: string, env: Record<string, string> = {}) {
  await writeFile(path.join(dir, 'udp-uppercase', 'report-path.txt'), out);
  return execa(process.execPath, [socklabBin, 'grade', 'udp-uppercase', '--target', dir, '--format', 'json', '--out', out, ...CASES],
    { cwd: kitRoot, reject: false, timeout: 300_000, env: { NO_COLOR: '1', ...env } });
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-hostile-target-'));
  await cp(fixture, path.join(dir, 'udp-uppercase', 'server.mjs'));
  await cp(path.join(solutionsDir, 'udp-uppercase', 'client.ts'), path.join(dir, 'udp-uppercase', 'client.ts'));
});
afterAll(async () => {
  for (const pid of overwriters()) { try { process.kill(pid, 'SIGKILL'); } catch { /* gone */ } }
  await rm(dir, { recursive: true, force: true });
});

describe.skipIf(!sandboxSupport().available)('a correct program that attacks the grader', () => {
  test('sandboxed: full marks, the report is the grader\'s, and its detached child is gone', async () => {
    const out = path.join(dir, 'report.json');
    const result = await gradeHostile(out);
    expect(result.exitCode, String(result.stderr)).toBe(0);
    expect(overwriters(), 'the detached child outlived the grading').toEqual([]);
    await sleep(1000);
    const report = JSON.parse(await readFile(out, 'utf8')) as Report;
    expect(report.exercises[0].tests.map((t) => [t.id, t.status, t.message ?? ''])).toEqual([
      ['server-uppercases-a-datagram', 'passed', ''], ['server-unicode-uppercase', 'passed', '']]);
    expect(report.score).toBe(report.maxScore);
  });

  test('unsandboxed (SOCKLAB_SANDBOX=off): it reads the solutions, loses its points, and overwrites the report', async () => {
    const out = path.join(dir, 'report-off.json');
    const result = await gradeHostile(out, { SOCKLAB_SANDBOX: 'off' });
    expect(result.exitCode, String(result.stderr)).toBe(0);
    expect(String(result.stderr)).toContain('[grader] sandbox off: SOCKLAB_SANDBOX=off is set');
    expect(String(result.stdout)).toContain('ESCAPED: ');
    expect(String(result.stdout)).toContain('read // UDP uppercase server');
    // Its detached child outlives the grading and replaces the report.
    expect(overwriters().length).toBeGreaterThan(0);
    // It rewrites the file every 100 ms: a read may fall between its truncation and its write.
    const deadline = Date.now() + 5000;
    let content = '';
    while (content !== '{"score":999}' && Date.now() < deadline) {
      content = await readFile(out, 'utf8');
      await sleep(20);
    }
    expect(content).toBe('{"score":999}');
  });
});
