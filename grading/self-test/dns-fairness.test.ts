// Fairness of the dns-resolver suite: resolvers that differ from the reference only where the contract or the RFCs
// allow (key order, pretty-printed JSON, a new socket per attempt, the AD bit, a TTL read as RFC 2181 says, another
// language) must score full marks, hidden cases included.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli } from './grade-cli.ts';
import { writeMutantTarget } from './mutant-target.ts';

const variantsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'variants', 'dns-resolver');
const names = (await readdir(variantsDir)).sort();
// Two whole-suite runs at a time, as the self-proof grades: a loaded machine must not push one past its time limit.
const limit = limitConcurrency(2);

describe.concurrent('dns-resolver fairness: allowed differences score full marks', () => {
  test('there are variants to prove it with', () => {
    expect(names.length).toBeGreaterThanOrEqual(4);
  });

  for (const name of names) {
    test(`variant ${name}`, { timeout: 1_500_000 }, async () => {
      const dir = path.join(variantsDir, name);
      const variant = JSON.parse(await readFile(path.join(dir, 'variant.json'), 'utf8')) as { description: string; edits?: Array<{ file: string; find: string; replace: string }> };
      const target = await mkdtemp(path.join(os.tmpdir(), `socklab-variant-${name}-`));
      try {
        await writeMutantTarget('dns-resolver', name, variant, target, dir);
        const result = await limit(() => gradeWithCli(['dns-resolver'], target));
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
