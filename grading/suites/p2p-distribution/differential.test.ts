// Random valid inputs, every answer held against the grader's own formulas (grading/suites/p2p-distribution/model.ts,
// written apart from the reference solution, which the self-proof holds to the same formulas).
import { exerciseSuite } from '../../../harness/index.ts';
import { expectAnswer } from './expect-answer.ts';
import { checkProperty } from './property.ts';
import { scenario } from './random-inputs.ts';

const suite = exerciseSuite('p2p-distribution', { group: 'Random inputs' });

suite.case({ id: 'random-inputs-match-the-formulas', level: 'rfc', name: 'random valid inputs (all units, free riders, peers files): the contract\'s answers', points: 3 }, async (t) => {
  await checkProperty(t, {
    name: 'every answer\'s times equal the contract\'s formulas within a relative 1e-9 (the bounds are judged by the formula cases)',
    inputs: scenario,
    numRuns: 40,
    batch: 4,
    check: async (input) => { await expectAnswer(t, input, { exact: true }); },
  });
});
