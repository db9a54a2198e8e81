// Fairness of the smtp-client suite: clients that differ from the reference only where RFC 5321/5322 allow
// (lowercase verbs, other header order, extra header fields, another language) must score full marks.
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { solutionsDir } from '../grader/kit-paths.ts';
import { gradeWithCli } from './grade-cli.ts';

interface Variant { description: string; edits?: Array<{ file: string; find: string; replace: string }> }

const exercise = 'smtp-client';
const variantsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'variants', exercise);

/**
 * Writes target/smtp-client/ as the reference with the variant applied: each `find` must occur once, and a program
 * file beside variant.json (client.py) replaces the reference's program of that role.
 */
async function writeVariant(name: string, variant: Variant, target: string): Promise<void> {
  const out = path.join(target, exercise);
  await cp(path.join(solutionsDir, exercise), out, { recursive: true });
  for (const entry of await readdir(path.join(variantsDir, name))) {
    if (entry === 'variant.json') continue;
    const role = entry.replace(/\.[^.]+$/, '');
    for (const existing of await readdir(out)) if (existing.replace(/\.[^.]+$/, '') === role) await rm(path.join(out, existing));
    await cp(path.join(variantsDir, name, entry), path.join(out, entry));
  }
  for (const edit of variant.edits ?? []) {
    const file = path.join(out, edit.file);
    const text = await readFile(file, 'utf8');
    expect(text.split(edit.find).length - 1, `"${edit.find}" must occur once in ${edit.file}`).toBe(1);
    await writeFile(file, text.replace(edit.find, () => edit.replace));
  }
}

const names = (await readdir(variantsDir)).sort();

describe.concurrent(`${exercise} fairness: allowed differences score full marks`, () => {
  test('there are variants to prove it with', () => {
    expect(names.length).toBeGreaterThanOrEqual(3);
  });

  for (const name of names) {
    test(`variant ${name}`, { timeout: 600_000 }, async () => {
      const variant = JSON.parse(await readFile(path.join(variantsDir, name, 'variant.json'), 'utf8')) as Variant;
      const target = await mkdtemp(path.join(os.tmpdir(), `socklab-variant-${name}-`));
      try {
        await writeVariant(name, variant, target);
        const result = await gradeWithCli([exercise], target);
        expect(result.exitCode, result.stderr).toBe(0);
        const graded = result.report!.exercises[0];
        const failures = graded.tests.filter((t) => t.status !== 'passed').map((t) => `${t.id}: ${t.message}`);
        expect(failures, `${variant.description}\n\n${failures.join('\n\n')}`).toEqual([]);
        expect(graded.score).toBe(graded.maxScore);
      } finally {
        await rm(target, { recursive: true, force: true });
      }
    });
  }
});
