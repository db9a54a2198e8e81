// Fairness of the http-server suite: servers that differ from the reference only where the contract or the RFCs
// allow (reason phrases, header order and case, charset parameters, 501 for 405, 404 or 400 for 403, 400 for 431,
// closing on a huge head, chunked error pages, an absolute Location) must score full marks, hidden cases included.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { solutionsDir } from '../grader/kit-paths.ts';
import { gradeWithCli } from './grade-cli.ts';

interface Variant { description: string; edits: Array<{ file: string; find: string; replace: string }> }

const variantsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'variants', 'http-server');

/** Writes target/http-server/ as the reference with the variant's edits; each `find` must occur exactly once. */
async function writeVariant(variant: Variant, target: string): Promise<void> {
  const out = path.join(target, 'http-server');
  await cp(path.join(solutionsDir, 'http-server'), out, { recursive: true });
  for (const edit of variant.edits) {
    const file = path.join(out, edit.file);
    const text = await readFile(file, 'utf8');
    expect(text.split(edit.find).length - 1, `"${edit.find}" must occur once in ${edit.file}`).toBe(1);
    await writeFile(file, text.replace(edit.find, () => edit.replace));
  }
}

const names = (await readdir(variantsDir)).sort();

describe.concurrent('http-server fairness: allowed differences score full marks', () => {
  test('there are variants to prove it with', () => {
    expect(names.length).toBeGreaterThanOrEqual(2);
  });

  for (const name of names) {
    test(`variant ${name}`, { timeout: 300_000 }, async () => {
      const variant = JSON.parse(await readFile(path.join(variantsDir, name, 'variant.json'), 'utf8')) as Variant;
      const target = await mkdtemp(path.join(os.tmpdir(), `socklab-variant-${name}-`));
      try {
        await writeVariant(variant, target);
        const result = await gradeWithCli(['http-server'], target);
        expect(result.exitCode, result.stderr).toBe(0);
        const exercise = result.report!.exercises[0];
        const failures = exercise.tests.filter((t) => t.status !== 'passed').map((t) => `${t.id}: ${t.message}`);
        expect(failures, `${variant.description}\n\n${failures.join('\n\n')}`).toEqual([]);
        expect(exercise.score).toBe(exercise.maxScore);
      } finally {
        await rm(target, { recursive: true, force: true });
      }
    });
  }
});
