// Every "reproduce by hand" line of a server case is run as printed, against the mutant that failed the case and
// against the reference solution: the failure reproduces when what the lines print, or whether the server is still
// up afterwards, differs between the two. Needs the real netcat (Debian's netcat-openbsd) and curl.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, describe, expect, test } from 'vitest';
import { kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import { checkListening } from '../../harness/readiness.ts';
import { stopGroup } from '../../harness/process-group.ts';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli, socklabBin } from './grade-cli.ts';
import { loadMutants, writeMutantTarget } from './mutant-target.ts';

/** The server mutants whose failing cases' lines are replayed: every uppercase server mutant, and a sample of HTTP. */
const MUTANTS: Record<string, (name: string) => boolean> = {
  'udp-uppercase': (name) => name.startsWith('server-'),
  'tcp-uppercase': (name) => name.startsWith('server-'),
  'http-server': (name) => ['head-sends-body', 'no-304', 'no-505', 'every-error-is-500', 'content-length-in-characters'].includes(name),
};
const START_LINE = /npx socklab run (\S+) server\b.*--port (\d+)/;
const limit = limitConcurrency(2);
let linesRun = 0;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts the server line as printed, with the target swapped in, and waits until it listens. */
async function startServer(line: string, target: string) {
  const [, exercise, port] = START_LINE.exec(line)!;
  const command = line.replace(/#.*$/, '').replace('npx socklab', `${process.execPath} ${socklabBin}`)
    .replace(/ --target \S+/, '') + ` --target ${target}`;
  const child = execa('sh', ['-c', command], { detached: true, reject: false, stdin: 'ignore', cwd: kitRoot });
  const transport = exercise === 'udp-uppercase' ? 'udp' : 'tcp';
  for (let waited = 0; waited < 20_000 && (await checkListening(Number(port), transport)) !== 'ready'; waited += 100) await sleep(100);
  return { child, port: Number(port), transport } as const;
}

/** Runs the other lines as one pasted script; what they print, and whether the server is still up after them. */
async function replay(lines: string[], server: Awaited<ReturnType<typeof startServer>>) {
  const script = lines.map((line) => line.replace(/#[^'"]*$/, '')).join('\n');
  const child = execa('sh', ['-c', script], { detached: true, reject: false, stdin: 'ignore', all: true, stripFinalNewline: false, cwd: os.tmpdir() });
  let hung = false;
  const timer = setTimeout(() => { hung = true; void stopGroup(child.pid!, 0); }, 10_000);
  const result = await child;
  clearTimeout(timer);
  await sleep(300);
  const up = (await checkListening(server.port, server.transport)) === 'ready';
  await stopGroup(server.child.pid!, 2000);
  await server.child;
  // A line that never returns (nc waiting for a close that never comes) is what the student sees, too.
  return { printed: String(result.all ?? ''), up, hung };
}

async function reproduces(repro: string[], mutantTarget: string) {
  const start = repro.find((line) => START_LINE.test(line));
  const rest = repro.filter((line) => line !== start);
  if (!start || rest.length === 0) return undefined;
  const mutant = await replay(rest, await startServer(start, mutantTarget));
  const reference = await replay(rest, await startServer(start, solutionsDir));
  linesRun += 2 * repro.length;
  return { mutant, reference };
}

const only = process.env.SOCKLAB_SELFTEST_EXERCISES?.split(',').filter(Boolean);

for (const [exercise, chosen] of Object.entries(MUTANTS).filter(([id]) => !only || only.includes(id))) {
  const mutants = Object.entries(await loadMutants(exercise)).filter(([name]) => chosen(name));
  describe.concurrent(`${exercise}: the lines under each failure reproduce it against the mutant`, () => {
    for (const [name, mutant] of mutants) {
      test(name, { timeout: 600_000 }, () => limit(async () => {
        const target = await mkdtemp(path.join(os.tmpdir(), `socklab-repro-${name}-`));
        try {
          await writeMutantTarget(exercise, name, mutant, target);
          const graded = await gradeWithCli([exercise], target, [...mutant.caughtBy.flatMap((id) => ['--case', id]), '--role', 'server']);
          const failed = (graded.report?.exercises[0].tests ?? []).filter((t) => t.status === 'failed' && t.repro?.length);
          expect(failed.length, `no failing server case with repro lines: ${graded.stderr}`).toBeGreaterThan(0);
          let replayed = 0;
          for (const testResult of failed) {
            const outcome = await reproduces(testResult.repro!, target);
            if (!outcome) continue;
            replayed += 1;
            const same = outcome.mutant.printed === outcome.reference.printed && outcome.mutant.up === outcome.reference.up
              && outcome.mutant.hung === outcome.reference.hung;
            expect(same, `${exercise}/${testResult.id} on ${name}: the lines print the same for the mutant and the reference\n` +
              `${testResult.repro!.join('\n')}\nprinted: ${JSON.stringify(outcome.mutant.printed.slice(0, 300))}`).toBe(false);
          }
          expect(replayed, `no failure of ${name} had a server start line and lines to replay`).toBeGreaterThan(0);
        } finally {
          await rm(target, { recursive: true, force: true });
        }
      }));
    }
  });
}

afterAll(() => {
  console.log(`[self-test] repro lines run against mutants and the reference: ${linesRun}`);
});
