// The Gradescope autograder zip, run as Gradescope would run it, in a simulated /autograder tree
// (SOCKLAB_AUTOGRADER_ROOT): flat, nested and broken uploads, a broken kit and a missing sandbox (refused, or
// graded unconfined in a zip built with --sandbox-optional), each leave a valid results.json.
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exercisesDir, kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import { socklab } from './grade-cli.ts';

const EXERCISE = 'udp-uppercase';
let scratch: string;
let zip: Uint8Array;
let sandboxOptionalZip: Uint8Array;

/** An /autograder tree: the zip unpacked in source/ (setup.sh's `npm ci` replaced by the kit's packages), the upload. */
async function autograderTree(name: string, upload: Record<string, string | Uint8Array>, withPackages = true, from = zip): Promise<string> {
  const root = path.join(scratch, name);
  for (const [file, data] of Object.entries(unzipSync(from))) {
    await mkdir(path.dirname(path.join(root, 'source', file)), { recursive: true });
    await writeFile(path.join(root, 'source', file), data);
  }
  if (withPackages) await symlink(path.join(kitRoot, 'node_modules'), path.join(root, 'source', 'socklab', 'node_modules'), 'dir');
  for (const [file, data] of Object.entries(upload)) {
    await mkdir(path.dirname(path.join(root, 'submission', file)), { recursive: true });
    await writeFile(path.join(root, 'submission', file), data);
  }
  return root;
}

/** Runs run_autograder; `env` adds variables (SOCKLAB_SANDBOX=off stands for an image where bubblewrap cannot run). */
async function runAutograder(root: string, env: Record<string, string> = {}) {
  const run = await execa('bash', [path.join(root, 'source', 'run_autograder')], { reject: false, env: { SOCKLAB_AUTOGRADER_ROOT: root, NO_COLOR: '1', ...env }, timeout: 300_000 });
  const results = JSON.parse(await readFile(path.join(root, 'results', 'results.json'), 'utf8'));
  return { run, results };
}

const read = (dir: string, name: string) => readFile(path.join(dir, EXERCISE, name));

beforeAll(async () => {
  scratch = await mkdtemp(path.join(os.tmpdir(), 'socklab-gradescope-'));
  const out = path.join(scratch, 'autograder.zip');
  const built = await socklab(['gradescope', EXERCISE, '--out', out, '--seed', '7']);
  expect(built.exitCode, String(built.stderr)).toBe(0);
  zip = new Uint8Array(await readFile(out));
  const optional = path.join(scratch, 'sandbox-optional.zip');
  const builtOptional = await socklab(['gradescope', EXERCISE, '--out', optional, '--seed', '7', '--sandbox-optional']);
  expect(builtOptional.exitCode, String(builtOptional.stderr)).toBe(0);
  sandboxOptionalZip = new Uint8Array(await readFile(optional));
});
afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

describe('run_autograder', () => {
  test('the zip holds the scripts at its root and the whole kit, solutions included (hidden cases need them)', () => {
    const names = Object.keys(unzipSync(zip));
    expect(names).toEqual(expect.arrayContaining(['setup.sh', 'run_autograder', 'socklab/bin/socklab.js', `socklab/solutions/${EXERCISE}/server.ts`]));
    expect(names.some((name) => name.includes('node_modules/'))).toBe(false);
  });

  test('flat upload (server.ts and client.ts dragged in): full marks, numbers 1.1…, tags', async () => {
    const root = await autograderTree('flat', { 'server.ts': await read(solutionsDir, 'server.ts'), 'client.ts': await read(solutionsDir, 'client.ts') });
    const { results } = await runAutograder(root);
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBe(results.tests.reduce((sum: number, t: { max_score: number }) => sum + t.max_score, 0));
    expect(results.tests[0]).toMatchObject({ number: '1.1', tags: [EXERCISE, expect.stringMatching(/^(core|rfc)$/)] });
    expect(results.output).toContain(`graded the files uploaded (client.ts, server.ts) as ${EXERCISE}`);
  }, 300_000);

  test('a zip of a repository with exercises/ inside: graded (the skeleton scores 0, every case reported)', async () => {
    const archive = zipSync({
      [`my-repo/exercises/${EXERCISE}/server.ts`]: new Uint8Array(await read(exercisesDir, 'server.ts')),
      [`my-repo/exercises/${EXERCISE}/client.ts`]: new Uint8Array(await read(exercisesDir, 'client.ts')),
      'my-repo/README.md': new TextEncoder().encode('mine'),
    });
    const root = await autograderTree('nested', { 'work.zip': archive });
    const { results } = await runAutograder(root);
    expect(results.score).toBe(0);
    expect(results.tests.length).toBeGreaterThan(5);
    expect(results.tests.every((t: { status: string }) => t.status === 'failed')).toBe(true);
    expect(results.output).toContain('unpacked work.zip');
  }, 300_000);

  test('an upload without any program: a valid results.json that tells the student what was expected', async () => {
    const root = await autograderTree('broken-upload', { 'notes.txt': 'I did not finish' });
    const { results } = await runAutograder(root);
    expect(results.score).toBe(0);
    expect(results.output).toMatch(/Your upload could not be used: no program found: the upload holds notes\.txt; expected .*server\.ts/);
  }, 300_000);

  test('a broken kit (no packages installed): the visible "autograder failed" result, the reason on stdout', async () => {
    const root = await autograderTree('broken-kit', { 'server.ts': 'x' }, false);
    const { run, results } = await runAutograder(root);
    expect(results.tests).toEqual([expect.objectContaining({ name: 'the autograder failed (not your program): please tell your instructor', visibility: 'visible' })]);
    // Nothing notifies the instructor, and the text must not say otherwise.
    expect(results.output).toContain('Nobody is notified automatically');
    expect(results.output).not.toMatch(/has been told|been notified/);
    expect(String(run.stdout)).toContain('socklab autograder failed: socklab grade-submission exited with status');
  }, 300_000);

  test('where the sandbox cannot be built: the default zip refuses to grade, the reason on stdout', async () => {
    expect(JSON.parse(new TextDecoder().decode(unzipSync(zip)['socklab-autograder.json'])).sandboxOption).toBe('--require-sandbox');
    const root = await autograderTree('no-sandbox', { 'server.ts': await read(solutionsDir, 'server.ts'), 'client.ts': await read(solutionsDir, 'client.ts') });
    const { run, results } = await runAutograder(root, { SOCKLAB_SANDBOX: 'off' });
    expect(results.tests).toEqual([expect.objectContaining({ name: 'the autograder failed (not your program): please tell your instructor' })]);
    expect(String(run.stdout)).toContain('--require-sandbox: the sandbox cannot be built on this machine');
  }, 300_000);

  test('where the sandbox cannot be built: a zip built with --sandbox-optional grades unconfined and says so on stdout', async () => {
    expect(JSON.parse(new TextDecoder().decode(unzipSync(sandboxOptionalZip)['socklab-autograder.json'])).sandboxOption).toBe('');
    const root = await autograderTree('sandbox-optional', { 'server.ts': await read(solutionsDir, 'server.ts'), 'client.ts': await read(solutionsDir, 'client.ts') }, true, sandboxOptionalZip);
    const { run, results } = await runAutograder(root, { SOCKLAB_SANDBOX: 'off' });
    expect(results.score).toBeGreaterThan(0);
    expect(results.score).toBe(results.tests.reduce((sum: number, t: { max_score: number }) => sum + t.max_score, 0));
    expect(String(run.stdout)).toContain('[grader] sandbox off');
  }, 300_000);
});
