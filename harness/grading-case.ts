// Declares a graded case beside its assertion, and turns whatever it throws into a message a student can act on.
import { test } from 'vitest';
import type { CaseContext } from './case-api.ts';
import { CaseRun } from './case-context.ts';
import type { CaseMeta, CaseSpec } from './case-meta.ts';
import {
  CannotJudge, GradingFailure, KitError, renderDetails, withFailureContext, withFailureRenderer, type FailureDetails,
} from './failure.ts';
import { runSettings } from './run-settings.ts';
import { scaled, timeout } from './timeouts.ts';

const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

/** The whole message: what happened, the transcript, the programs' state, the seed. */
function renderMessage(failure: FailureDetails, context: CaseRun): string {
  const details = { ...failure };
  if (details.repro?.length && context.startLines.length) details.repro = [...context.startLines, ...details.repro];
  const lines = renderDetails(details);
  if (!context.transcript.isEmpty) lines.push('transcript', ...indent(context.transcript.lines()));
  const shown = details.program ? [details.program] : context.programs;
  for (const program of shown) lines.push('your program', ...indent(program.describeState()));
  lines.push(`seed      ${context.run.seed} (the same inputs again: --seed ${context.run.seed})`);
  return lines.join('\n');
}

function raceDeadline(work: Promise<void>, ms: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<void>((_, reject) => {
    timer = setTimeout(() => reject(new GradingFailure({
      summary: `the case did not finish within ${ms} ms`,
      hint: 'Something waited forever: a program that never answers or never exits. The transcript shows the last\nthing that happened.',
    })), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}

/** The cases of one exercise: `suite.case(spec, body)` declares one, with its points and visibility. */
export function exerciseSuite(exercise: string) {
  const settings = runSettings();
  const ids = new Set<string>();
  return {
    case(spec: CaseSpec, body: (t: CaseContext) => Promise<void>): void {
      if (ids.has(spec.id)) throw new KitError(`kit error: two cases of ${exercise} have the id ${spec.id}`);
      ids.add(spec.id);
      const visibility = spec.visibility ?? 'visible';
      // A case named with --case runs whatever its visibility; otherwise `socklab test` runs the visible ones.
      const runs = settings.onlyCases ? settings.onlyCases.includes(spec.id) : !settings.visibleOnly || visibility === 'visible';
      const declare = runs ? test : test.skip;
      const deadline = scaled(spec.timeoutMs ?? 0) || timeout('case');
      declare(spec.name, { timeout: deadline + scaled(15000) }, async ({ task }) => {
        const meta: CaseMeta = { exercise, id: spec.id, points: spec.points, level: spec.level ?? 'rfc', visibility, reference: spec.reference };
        task.meta.socklab = meta;
        const context = new CaseRun(exercise, spec.id, settings);
        // Each failure is born whole: the case's reference and the rendered message come with it, nothing is patched.
        const render = (details: FailureDetails) => renderMessage(details, context);
        try {
          await withFailureContext({ reference: spec.reference },
            () => withFailureRenderer(render, () => raceDeadline(body(context), deadline)));
        } catch (error) {
          if (error instanceof GradingFailure || error instanceof CannotJudge) {
            meta.outcome = error instanceof CannotJudge ? 'error' : 'failed';
            meta.transcript = context.transcript.isEmpty ? undefined : context.transcript.lines();
            meta.repro = error.details.repro;
          } else {
            meta.outcome = 'kit';
          }
          throw error;
        } finally {
          await context.cleanup();
        }
      });
    },
  };
}
