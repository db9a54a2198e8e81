// The grader's own punctuality. A timing case asks the program to be on time; when the grader itself was late (its
// event loop stalled, its timed reply left late) a failure would blame the program for the machine's load, so the
// case checks again, a bounded number of times, and otherwise says it could not judge. Never `failed`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { CannotJudge } from './failure.ts';
import { runQueueWaitMs } from './machine-wait.ts';
import { scaled } from './timeouts.ts';

/** How late the grader may be (event-loop stall, a reply's departure) and still judge a deadline fairly. */
export const PUNCTUALITY_SLACK_MS = 150;

/** Thrown inside a timing check when the grader, not the program, was late: the check is run again. */
export class GraderLate extends Error {
  override name = 'GraderLate';
}

/** What `judgeOnTime` gives each attempt: how late the grader has been so far in this attempt. */
export interface Punctuality {
  /** The longest the grader's event loop stalled during the attempt, in ms. */
  readonly loopLagMs: number;
  /** Throws GraderLate when the grader was later than the slack allows (`lateMs` adds a lateness the case measured). */
  check(what: string, lateMs?: number): void;
}

/** The sentence every "could not judge" of a timing case ends with. */
export const TOO_BUSY = 'the machine was too busy to judge this; run it again or raise --timeout-scale';

/**
 * Runs a timing check up to `attempts` times. An attempt that throws GraderLate is run again; when every attempt
 * found the grader late, the case reports CannotJudge (an `error`), never a failure of the program.
 */
export async function judgeOnTime(attempt: (punctuality: Punctuality) => Promise<void>, attempts = 3): Promise<void> {
  const reasons: string[] = [];
  for (let n = 1; n <= attempts; n++) {
    const lag = monitorEventLoopDelay({ resolution: 10 });
    lag.enable();
    // The grader's own wait for a core during the attempt: on a machine that busy, the program it judges was
    // starved too (between its send() and the datagram leaving, say), and what the grader saw is not its timing.
    const waitedBefore = runQueueWaitMs([process.pid]);
    const punctuality: Punctuality = {
      get loopLagMs() { return lag.max / 1e6; },
      check(what: string, lateMs = 0) {
        const late = Math.max(lateMs, lag.max / 1e6, runQueueWaitMs([process.pid]) - waitedBefore);
        if (late > scaled(PUNCTUALITY_SLACK_MS)) throw new GraderLate(`${what}: the grader was ${Math.round(late)} ms late (slack ${scaled(PUNCTUALITY_SLACK_MS)} ms)`);
      },
    };
    try {
      await attempt(punctuality);
      return;
    } catch (error) {
      if (!(error instanceof GraderLate)) throw error;
      reasons.push(`attempt ${n}: ${error.message}`);
    } finally {
      lag.disable();
    }
  }
  throw new CannotJudge({
    summary: TOO_BUSY,
    details: reasons,
    hint: 'This case measures time. The grader checks its own punctuality, and it was late on every attempt, so\n' +
      'nothing is said about your program here.',
  });
}
