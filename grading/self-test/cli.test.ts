// The CLI as users meet it: exit codes, reports in every format, and bad input named clearly.
import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { solutionsDir } from '../grader/kit-paths.ts';
import type { Report } from '../grader/report.ts';
import { assertValid } from '../grader/schema-validator.ts';
import { renderGradescope } from '../writers/gradescope.ts';
import { renderJunit } from '../writers/junit.ts';
import { renderMarkdown } from '../writers/markdown.ts';
import { renderText } from '../writers/text.ts';
import { gradeWithCli, socklab } from './grade-cli.ts';
import { copyKit } from './kit-copy.ts';

const EXERCISE = 'udp-uppercase';
let scratch: string;
beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'socklab-cli-')); });
afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

describe('usage errors exit 2 and name what is wrong', () => {
  test.each([
    [['frobnicate'], /unknown command "frobnicate"/],
    [['grade', '--bogus'], /--bogus/],
    [['grade', 'no-such-exercise'], /unknown exercise no-such-exercise.*udp-uppercase/],
    [['grade', '--target', 'no/such/folder'], /--target no\/such\/folder: no such folder/],
    [['grade', '--format', 'xml'], /--format xml: expected one of text, json/],
    [['grade', '--fail-under', '101'], /--fail-under 101: expected a number from 0 to 100/],
    [['grade', '--seed', 'abc'], /--seed abc/],
    [['grade', '--out', 'package.json/report.json'], /--out package.json\/report.json: cannot create the folder/],
    [['test'], /name one exercise/],
    [['run', EXERCISE, 'janitor'], /has no role janitor; its roles are server, client/],
  ])('socklab %j', async (args, pattern) => {
    const result = await socklab(args);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toMatch(pattern);
  });

  test('help lists every command', async () => {
    const result = await socklab(['help']);
    expect(result.exitCode).toBe(0);
    for (const command of ['list', 'test', 'grade', 'run']) expect(String(result.stdout)).toContain(`socklab ${command}`);
  });
});

describe('grading the reference solution', () => {
  let report: Report;
  beforeAll(async () => {
    const result = await gradeWithCli([EXERCISE], solutionsDir);
    expect(result.exitCode, result.stderr).toBe(0);
    report = result.report!;
  }, 120_000);

  test('the JSON report matches its schema and has full marks', () => {
    assertValid('report', report, 'the report');
    expect(report.score).toBe(report.maxScore);
    expect(report.exercises[0].tests.every((t) => t.status === 'passed' && t.message === '')).toBe(true);
  });

  test('every format is written from the same model', () => {
    expect(XMLValidator.validate(renderJunit(report))).toBe(true);
    const gradescope = JSON.parse(renderGradescope(report));
    expect(gradescope.score).toBe(report.score);
    expect(gradescope.tests).toHaveLength(report.exercises[0].tests.length);
    expect(gradescope.tests[0]).toMatchObject({ max_score: expect.any(Number), visibility: 'visible' });
    expect(renderMarkdown(report)).toContain(`## socklab: ${report.score}/${report.maxScore} points`);
    expect(renderText(report)).toMatch(/13 of 13 cases pass/);
  });

  test('--fail-under passes a full score', async () => {
    const result = await socklab(['grade', EXERCISE, '--target', solutionsDir, '--fail-under', '100', '--format', 'json']);
    expect(result.exitCode).toBe(0);
  }, 120_000);
});

describe('grading broken student work completes with exit 0', () => {
  test('a compile error is reported once, and its cases are errors rather than failures', async () => {
    const target = path.join(scratch, 'compile-error');
    await cp(path.join(solutionsDir, EXERCISE), path.join(target, EXERCISE), { recursive: true });
    await writeFile(path.join(target, EXERCISE, 'server.ts'), 'const x: number = ;\n');
    const result = await gradeWithCli([EXERCISE], target);
    expect(result.exitCode).toBe(0);
    const exercise = result.report!.exercises[0];
    expect(exercise.problems).toHaveLength(1);
    expect(exercise.problems[0]).toMatch(/server\.ts does not compile[\s\S]*server\.ts:1:/);
    const serverCases = exercise.tests.filter((t) => t.id.startsWith('server-'));
    expect(serverCases.every((t) => t.status === 'error' && /not run: server\.ts does not compile/.test(t.message))).toBe(true);
    expect(exercise.tests.filter((t) => t.id.startsWith('client-')).every((t) => t.status === 'passed')).toBe(true);
  }, 120_000);

  test('a missing exercise folder makes every case an error, and --fail-under makes the run exit 1', async () => {
    const target = path.join(scratch, 'empty');
    await mkdir(target, { recursive: true });
    const result = await gradeWithCli([EXERCISE], target, ['--fail-under', '50']);
    expect(result.exitCode).toBe(1);
    expect(result.report!.score).toBe(0);
    expect(result.report!.exercises[0].tests.every((t) => t.status === 'error')).toBe(true);
    expect(result.report!.exercises[0].problems.join('\n')).toMatch(/does not exist, so there is no server program/);
  }, 120_000);

  test('socklab test exits 1 while cases fail', async () => {
    const result = await socklab(['test', EXERCISE]);
    expect(result.exitCode).toBe(1);
    expect(String(result.stdout)).toMatch(/0 of 13 cases pass/);
  }, 120_000);
});

describe('a broken kit is a kit error: exit 2, never a student failure', () => {
  test.each([
    ['a manifest that breaks its schema', async (root: string) => {
      const file = path.join(root, 'exercises', EXERCISE, 'exercise.json');
      const manifest = JSON.parse(await readFile(file, 'utf8'));
      delete manifest.title;
      await writeFile(file, JSON.stringify(manifest));
    }, /kit error: exercises\/udp-uppercase\/exercise.json does not match manifest.schema.json[\s\S]*title/],
    ['a missing schema', async (root: string) => {
      await rm(path.join(root, 'grading', 'schemas', 'manifest.schema.json'));
    }, /kit error: cannot read the schema/],
    ['a suite that crashes', async (root: string) => {
      const file = path.join(root, 'grading', 'suites', EXERCISE, 'server.test.ts');
      const text = await readFile(file, 'utf8');
      await writeFile(file, text.replace("const { port } = await t.start('server');", "const { port } = await t.start('server');\n  (null as unknown as { crash(): void }).crash();"));
    }, /kit error[\s\S]*crashed inside the kit/],
  ])('%s', async (_, breakKit, pattern) => {
    const kit = await copyKit();
    try {
      await breakKit(kit.root);
      const result = await execa(process.execPath, [path.join(kit.root, 'bin', 'socklab.js'), 'grade', EXERCISE, '--target', path.join(kit.root, 'solutions')], { reject: false, env: { NO_COLOR: '1' } });
      expect(result.exitCode, String(result.stdout)).toBe(2);
      expect(String(result.stderr)).toMatch(pattern);
    } finally {
      await kit.dispose();
    }
  }, 120_000);
});
