// A problem with the kit or with how it was called, never with a student's program: the CLI exits 2 on it.

/** The kit is broken (bad manifest, missing schema, a suite that crashed) or was called wrongly. */
export class KitError extends Error {
  override name = 'KitError';
  constructor(message: string, readonly details: string[] = []) {
    super(message);
  }
}

/** The command line was wrong: an unknown option, a missing value, an exercise that does not exist. */
export class UsageError extends KitError {
  override name = 'UsageError';
}
