// The grader's lateness is never the student's fault: judgeOnTime re-runs a check the grader was late for, and
// ends in CannotJudge (never a failure) when it was late every time.
import { describe, expect, test } from 'vitest';
import { CannotJudge, GradingFailure } from '../failure.ts';
import { GraderLate, judgeOnTime, TOO_BUSY } from '../punctuality.ts';

describe('judgeOnTime', () => {
  test('a check the grader was late for runs again, and passes when it is on time', async () => {
    let attempts = 0;
    await judgeOnTime(async (punctuality) => {
      attempts += 1;
      if (attempts === 1) punctuality.check('the late reply', 10_000);
    });
    expect(attempts).toBe(2);
  });

  test('late on every attempt: CannotJudge saying the machine was too busy, after a bounded number of attempts', async () => {
    let attempts = 0;
    const outcome = judgeOnTime(async () => { attempts += 1; throw new GraderLate('reply: 900 ms late'); }, 3);
    await expect(outcome).rejects.toBeInstanceOf(CannotJudge);
    await expect(outcome).rejects.toThrow(TOO_BUSY);
    expect(attempts).toBe(3);
  });

  test('a failure while the grader was on time is the program\'s, and is not retried', async () => {
    let attempts = 0;
    const outcome = judgeOnTime(async () => {
      attempts += 1;
      throw new GradingFailure({ summary: 'no reply printed' });
    });
    await expect(outcome).rejects.toBeInstanceOf(GradingFailure);
    expect(attempts).toBe(1);
  });
});
