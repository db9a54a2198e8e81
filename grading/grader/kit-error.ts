// A problem with the kit or with how it was called, never with a student's program: the CLI exits 2 on it.

import { KitError } from '../../harness/failure.ts';

/** The kit is broken or was called wrongly: the harness's third ending, shared with the CLI. */
export { KitError };

/** The command line was wrong: an unknown option, a missing value, an exercise that does not exist. */
export class UsageError extends KitError {
  override name = 'UsageError';
}
