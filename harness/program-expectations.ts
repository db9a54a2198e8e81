// Checks on a program that runs to its end (a client, a command): how it exits and what it prints.
import { escapeBytes } from './escape.ts';
import { GradingFailure, type FailureDetails } from './failure.ts';
import { describeExit, type ExitStatus, type RunningProgram } from './running-program.ts';
import { timeout } from './timeouts.ts';

export interface ExitExpectation {
  /** The exit code the contract requires; undefined accepts any. */
  code?: number;
  withinMs?: number;
  /** What the program was expected to be doing, for the summary ("after printing the reply"). */
  what?: string;
  /** The advice; a function when it depends on what the program did before it exited (read after the wait). */
  hint?: string | (() => string);
  repro?: string[];
}

/** Waits for the program to exit and checks its code; a program still running is stopped and fails. */
export async function expectExit(program: RunningProgram, expectation: ExitExpectation = {}): Promise<ExitStatus> {
  const within = expectation.withinMs ?? timeout('exit');
  const status = await program.waitForExit(within);
  const hint = typeof expectation.hint === 'function' ? expectation.hint() : expectation.hint;
  const base: Pick<FailureDetails, 'repro' | 'hint'> = { repro: expectation.repro, hint };
  if (!status) {
    await program.stop();
    throw new GradingFailure({
      ...base,
      summary: `your ${program.prepared.role} did not exit within ${within} ms${expectation.what ? ` ${expectation.what}` : ''}`,
      hint: hint ?? 'It is probably waiting: for stdin to end, for a reply that will not come, or for a\n' +
        'socket or timer it never closed (an open socket keeps a Node program alive).',
    });
  }
  if (program.stoppedBecause) {
    throw new GradingFailure({ ...base, summary: `your ${program.prepared.role} was stopped because ${program.stoppedBecause}` });
  }
  if (expectation.code !== undefined && status.code !== expectation.code) {
    throw new GradingFailure({
      ...base,
      summary: `your ${program.prepared.role} ${describeExit(status)}; the contract requires exit code ${expectation.code}${expectation.what ? ` ${expectation.what}` : ''}`,
      details: [`stdout    ${escapeBytes(program.stdout.head())}`],
    });
  }
  return status;
}

/** Text with the blanks and CR at the end of each line, and a missing last newline, forgiven. */
const looseLines = (bytes: Buffer) => bytes.toString('utf8').split('\n').map((line) => line.replace(/[ \t\r]+$/, '')).join('\n').replace(/\n*$/, '');

/**
 * Compares everything the program printed to stdout with what the contract requires. `loose`: a case about
 * something else forgives blanks at the end of a line, CRLF and the last newline, which their own case judges
 * (one cause, one deduction).
 */
export function expectStdout(program: RunningProgram, expected: string | Uint8Array,
  details: Partial<FailureDetails> & { loose?: boolean; contentHint?: string } = {}): void {
  const got = program.stdout.head();
  const { loose, contentHint, ...rest } = details;
  if (got.equals(Buffer.from(expected))) return;
  if (loose && looseLines(got) === looseLines(Buffer.from(expected))) return;
  const role = program.prepared.role;
  // Nothing printed at all: advice about the printout's content (contentHint) would point the wrong way.
  const silent = got.length === 0;
  const hint = silent
    ? [`Your ${role} printed nothing on stdout.`, rest.hint].filter(Boolean).join('\n')
    : [rest.hint, contentHint].filter(Boolean).join('\n') || undefined;
  throw new GradingFailure({
    summary: silent ? `your ${role} printed nothing on stdout` : `your ${role} printed something other than what was expected on stdout`,
    ...rest,
    hint,
    expected,
    received: got,
  });
}
