// Property checks over random inputs, each check starting the student's program: fast-check, seeded from the case (so
// --seed replays the same inputs), a few inputs checked at once, stopping at the first failure, whose message says
// which property and which input broke it.
import fc from 'fast-check';
import { KitError, withFailureContext, type CaseContext } from '../../../harness/index.ts';
import { allInOrder } from './all-in-order.ts';

export interface Property<T> {
  /** The law or comparison, in a student's words. */
  name: string;
  inputs: fc.Arbitrary<T>;
  /** How many inputs are checked: each starts a program, so a few dozen keep the case to a second or two. */
  numRuns: number;
  /** How many inputs are checked at once (programs start in parallel; the first failure in order is reported). */
  batch: number;
  /** Throws a GradingFailure (with the exact command line) when the program breaks the property for `input`. */
  check: (input: T) => Promise<void>;
}

/** Runs the property; a failure is rethrown with the property's name, the fast-check seed and the failing run. */
export async function checkProperty<T>(t: CaseContext, property: Property<T>): Promise<void> {
  const seed = t.random.int(0, 0x7fffffff);
  const { batch } = property;
  const batches = fc.array(property.inputs, { minLength: batch, maxLength: batch });
  const rounds = Math.ceil(property.numRuns / batch);
  let round = 0;
  // Each round's failures say which property and which round broke; no shrinking: every shrink step would start the
  // program again, and the failing command line is exact already.
  const result = await fc.check(fc.asyncProperty(batches, async (inputs) => {
    round += 1;
    await withFailureContext({ details: [
      `property  ${property.name}`,
      `          broken in round ${round} of ${rounds} of ${batch} random inputs (fast-check seed ${seed}, from the run's seed);`,
      '          its command line is below',
    ] }, () => allInOrder(inputs.map(property.check)));
  }), { seed, numRuns: rounds, endOnFailure: true });
  if (!result.failed) return;
  throw result.errorInstance ?? new KitError(`kit error: the property "${property.name}" failed without an error`);
}
