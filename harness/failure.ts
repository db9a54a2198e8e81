// The three ways a case ends badly, as error classes whose message tells the whole story: the program failed, the
// case could not judge it, or the kit itself is broken or was called wrongly.
import { AsyncLocalStorage } from 'node:async_hooks';
import { compareBlock } from './compare-bytes.ts';
import { escapeBytes } from './escape.ts';

/** A program whose state a failure shows (a RunningProgram): did it exit, its last lines of stderr. */
export interface DescribedProgram { describeState(): string[] }

/** What a failing case knows; the case wrapper adds the transcript, the programs' state and the seed. */
export interface FailureDetails {
  /** One sentence: what went wrong, in the student's terms. */
  summary: string;
  /** The bytes the grader sent that led here (escaped when shown). */
  sent?: Uint8Array | string;
  /** When a comparison failed: what the contract requires and what came back. */
  expected?: Uint8Array | string;
  received?: Uint8Array | string;
  /** Extra lines shown as they are (a table of values, a header list). */
  details?: string[];
  /** Likely causes and what to try. */
  hint?: string;
  /** Shell lines that reproduce the exchange by hand. */
  repro?: string[];
  /** The RFC section or textbook section the case checks. */
  reference?: string;
  /**
   * When other cases may fail for the same reason (the program never listened, exited at once, does not compile):
   * one line naming it, so that a report shows it once with the cases it cost.
   */
  cause?: string;
  /** When a case started a program many times: the run this failure is about, the only one whose state is shown. */
  program?: DescribedProgram;
}

/** What the code around a failure knows that the code throwing it does not, and how the whole message is written. */
interface FailureScope {
  context: Partial<Omit<FailureDetails, 'summary'>>;
  render?: (details: FailureDetails) => string;
}

const scope = new AsyncLocalStorage<FailureScope>();

/**
 * Runs `work` so that every failure it throws carries `context`: repro lines that replace its own, the program it is
 * about, the reference it checks, lines shown before its own details. Nothing is caught: the failure is born with it.
 */
export function withFailureContext<T>(context: FailureScope['context'], work: () => Promise<T>): Promise<T> {
  const outer = scope.getStore();
  const details = [...(outer?.context.details ?? []), ...(context.details ?? [])];
  return scope.run({ render: outer?.render, context: { ...outer?.context, ...context, details } }, work);
}

/** Runs a case body so that each failure it throws is written whole, by `render`, as it is thrown. */
export function withFailureRenderer<T>(render: (details: FailureDetails) => string, work: () => Promise<T>): Promise<T> {
  return scope.run({ render, context: scope.getStore()?.context ?? {} }, work);
}

/** A case that ended badly, with everything its message needs. */
abstract class CaseEnding extends Error {
  readonly details: FailureDetails;
  constructor(details: FailureDetails) {
    super(details.summary);
    const around = scope.getStore();
    const context = around?.context ?? {};
    const lines = [...(context.details ?? []), ...(details.details ?? [])];
    this.details = {
      ...details,
      repro: context.repro ?? details.repro,
      program: details.program ?? context.program,
      reference: details.reference ?? context.reference,
      ...(lines.length > 0 ? { details: lines } : {}),
    };
    if (around?.render) this.message = around.render(this.details);
  }
}

/** The student's program did something the contract forbids: the case failed. */
export class GradingFailure extends CaseEnding {
  override name = 'GradingFailure';
}

/** The case could not judge the program (missing file, compile error): an `error`, not a wrong answer. */
export class CannotJudge extends CaseEnding {
  override name = 'CannotJudge';
}

/** The kit is broken (bad manifest, missing schema, a suite that crashed) or was called wrongly: never the student's. */
export class KitError extends Error {
  override name = 'KitError';
  constructor(message: string, readonly details: string[] = []) {
    super(message);
  }
}

function indent(lines: string[], by = '  '): string[] {
  return lines.map((line) => (line === '' ? '' : by + line));
}

/** The sections a failure message is made of; the case wrapper appends transcript and program state. */
export function renderDetails(details: FailureDetails): string[] {
  const out = [details.summary];
  if (details.reference) out.push(`checks    ${details.reference}`);
  if (details.sent !== undefined) out.push(`sent      ${escapeBytes(details.sent)}`);
  if (details.expected !== undefined && details.received !== undefined) {
    const block = compareBlock(details.expected, details.received);
    if (block.length > 0) out.push(...block);
    else out.push(`received  ${escapeBytes(details.received)}`);
  } else if (details.received !== undefined) {
    out.push(`received  ${escapeBytes(details.received)}`);
  }
  if (details.details?.length) out.push(...details.details);
  if (details.hint) out.push('hint', ...indent(details.hint.split('\n')));
  if (details.repro?.length) out.push('reproduce by hand', ...indent(details.repro));
  return out;
}
