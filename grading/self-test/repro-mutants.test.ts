// Every "reproduce by hand" line is run as printed, against the mutant that failed the case and against the reference
// solution: the start line (the target's server, or `socklab serve` for a client case), then the student's lines.
// The failure reproduces when the by-hand outcome differs from the reference's and agrees with what the case
// reported (the answer received, the exit code, the lines the client sent). Needs netcat-openbsd, curl and dig.
// Cost: one grading run per round (one chosen mutant of every exercise at once), replays run in parallel, bounded.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadManifests } from '../grader/load-manifests.ts';
import { limitConcurrency } from './concurrency.ts';
import { gradeWithCli } from './grade-cli.ts';
import { loadMutants, writeMutantTarget } from './mutant-target.ts';
import { CHOSEN_MUTANTS } from './repro/chosen-mutants.ts';
import { EXPECTED_HINTS } from './repro/expected-hints.ts';
import { planOf, replayBoth, shapeOf } from './repro/replay.ts';
import { faultNotShown } from './repro/same-fault.ts';

const only = process.env.SOCKLAB_SELFTEST_EXERCISES?.split(',').filter(Boolean);
const chosen = Object.entries(CHOSEN_MUTANTS).filter(([id]) => !only || only.includes(id));
const gradeLimit = limitConcurrency(2);
/** Failures replayed per mutant, each of another shape: the chosen mutants between them cover the shapes. */
const MAX_REPLAYS_PER_MUTANT = 2;
const replayLimit = limitConcurrency(3);
/** Repro lines run against the mutant (each also against the reference), by exercise and role. */
const linesRun: Record<string, number> = {};
/** The distinct repro shapes replayed, by exercise. */
const shapesRun: Record<string, Set<string>> = {};
/** Each round's target folder, removed at the end. */
const targets: string[] = [];

/** Round i grades the i-th chosen mutant of every exercise in one run of the grader, in one target. */
const rounds = Array.from({ length: Math.max(...chosen.map(([, names]) => names.length)) }, (_, i) =>
  chosen.filter(([, names]) => names[i]).map(([exercise, names]) => ({ exercise, name: names[i] })));

/** How many tools a failure's repro lines use; 0 when they have none. */
const shapeWidth = (result: { repro?: string[] }) => {
  const plan = result.repro && planOf(result.repro);
  return plan ? shapeOf(plan).split(/ \| | /).length : 0;
};

function gradeRound(round: Array<{ exercise: string; name: string }>) {
  return gradeLimit(async () => {
    const target = await mkdtemp(path.join(os.tmpdir(), 'socklab-repro-'));
    targets.push(target);
    const caseIds = new Set<string>();
    for (const { exercise, name } of round) {
      const mutant = (await loadMutants(exercise))[name];
      if (!mutant) throw new Error(`grading/self-test/repro/chosen-mutants.ts names ${exercise}/${name}, which is not a mutant`);
      await writeMutantTarget(exercise, name, mutant, target);
      mutant.caughtBy.forEach((id) => caseIds.add(id));
    }
    const graded = await gradeWithCli(round.map(({ exercise }) => exercise), target, [...caseIds].flatMap((id) => ['--case', id]));
    return { target, graded };
  });
}

describe.concurrent('the lines under each failure reproduce it, by hand, against the mutant that failed', () => {
  for (const round of rounds) {
    const graded = gradeRound(round);
    graded.catch(() => undefined); // each test of the round reports the error
    for (const { exercise, name } of round) {
      test(`${exercise}/${name}`, { timeout: 900_000 }, async () => {
        const { target, graded: run } = await graded;
        const failed = (run.report?.exercises.find((e) => e.id === exercise)?.tests ?? []).filter((t) => t.status === 'failed');
        expect(failed.length, `${name}: no case failed\n${run.stderr.slice(0, 2000)}`).toBeGreaterThan(0);
        for (const { caseId, says } of EXPECTED_HINTS.filter((h) => h.exercise === exercise && h.mutant === name)) {
          const message = failed.find((t) => t.id === caseId)?.message ?? `(${caseId} did not fail)`;
          for (const phrase of says) expect(message, `${exercise}/${caseId} on ${name}: the hint lost "${phrase}"`).toContain(phrase);
        }
        const shapes = new Set<string>();
        // the richest shapes first (two clients, a node line, a file made by hand…): the rare ones are the ones to run
        const richestFirst = [...failed].sort((a, b) => shapeWidth(b) - shapeWidth(a));
        const replayed = richestFirst.filter((result) => {
          expect(result.repro?.length, `${exercise}/${result.id} on ${name} has no repro lines`).toBeGreaterThan(0);
          const plan = planOf(result.repro!);
          expect(plan, `${exercise}/${result.id}: repro lines of an unknown shape:\n${result.repro!.join('\n')}`).toBeDefined();
          const shape = shapeOf(plan!);
          if (shapes.has(shape) || shapes.size >= MAX_REPLAYS_PER_MUTANT) return false;
          shapes.add(shape);
          return true;
        });
        await Promise.all(replayed.map((result) => replayLimit(async () => {
          const plan = planOf(result.repro!);
          const { mutant, reference } = await replayBoth(plan!, exercise, target);
          const key = `${exercise} ${plan!.kind}`;
          linesRun[key] = (linesRun[key] ?? 0) + plan!.typed.length + (plan!.start ? 1 : 0);
          (shapesRun[exercise] ??= new Set()).add(shapeOf(plan!));
          // Lines that pace their sends (`sleep` between pieces) leave where the program's reads end to the machine: a
          // mutant that mishandles a request split over reads answers by hand as it was cut then, not as in the case (a
          // CI run saw one-read-per-request answer two requests in the case, under load, and none by hand). Those must
          // still show the fault (the mutant and the reference differ), not the very same answer.
          const paced = plan!.typed.some((line) => /;\s*sleep\s/.test(line));
          const oneSender = plan!.typed.filter((line) => !/# the same request alone, with curl$/.test(line)).length === 1 && !plan!.typed[0].includes('&') && !paced;
          const problems = faultNotShown(result, plan!.kind, mutant, reference, oneSender);
          expect(problems, `${exercise}/${result.id} on ${name}: by hand, the lines do not show the failure\n` +
            `${result.repro!.join('\n')}\nmutant printed: ${JSON.stringify(mutant.printed.slice(0, 400))}\n` +
            `reference printed: ${JSON.stringify(reference.printed.slice(0, 400))}`).toEqual([]);
        })));
      });
    }
  }
});

test('every expected hint is on a chosen mutant, so that it is checked', () => {
  for (const { exercise, mutant } of EXPECTED_HINTS) expect(CHOSEN_MUTANTS[exercise], `${exercise}/${mutant}`).toContain(mutant);
});

afterAll(async () => {
  await Promise.all(targets.map((target) => rm(target, { recursive: true, force: true })));
  console.log(`[self-test] ${rounds.length} grading runs; repro lines run by hand against a mutant and the reference, by exercise and role:`);
  for (const [key, count] of Object.entries(linesRun).sort()) console.log(`[self-test]   ${key}: ${count}`);
  for (const [exercise, shapes] of Object.entries(shapesRun).sort()) {
    console.log(`[self-test]   ${exercise}: ${shapes.size} distinct shapes: ${[...shapes].sort().join(' ; ')}`);
  }
  // every exercise's every role had its lines replayed: the chosen mutants cover both roles
  for (const [exercise] of chosen) {
    const roles = Object.values(loadManifests([exercise])[exercise].roles).map((role) => role.kind === 'server' ? 'server' : role.kind === 'client' ? 'client' : 'command');
    for (const kind of new Set(roles)) expect(linesRun[`${exercise} ${kind}`] ?? 0, `${exercise}: no ${kind} repro was replayed`).toBeGreaterThan(0);
  }
});
