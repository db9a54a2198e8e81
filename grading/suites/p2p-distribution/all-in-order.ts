// Independent checks started together, with a report that does not depend on which finishes first.

/** Runs independent checks at once; when several fail, the first in the list is the one reported (stable messages). */
export async function allInOrder<T>(jobs: Array<Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(jobs);
  const failed = settled.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failed) throw failed.reason;
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}
