// Declares a graded case beside its assertion, and turns whatever it throws into a message a student can act on.
import { test } from 'vitest';
import type { CaseContext } from './case-api.ts';
import { CaseRun } from './case-context.ts';
import type { CaseMeta, CaseSpec } from './case-meta.ts';
import {
  CannotJudge, GradingFailure, KitError, renderDetails, withFailureContext, withFailureRenderer, type FailureDetails,
} from './failure.ts';
import { withBusyMachineCredit, type GivenBack } from './machine-wait.ts';
import { runSettings, type RunSettings } from './run-settings.ts';
import { declaredCause, exitedBeforeDoingAnything } from './shared-cause.ts';
import { scaled, timeout } from './timeouts.ts';

const indent = (lines: string[]) => lines.map((line) => `  ${line}`);

/** The whole message: what happened, the transcript, the programs' state, the seed. */
function renderMessage(failure: FailureDetails, context: CaseRun, givenBack: GivenBack): string {
  const details = { ...failure };
  if (details.repro?.length && context.startLines.length) details.repro = [...context.startLines, ...details.repro];
  const lines = renderDetails(details);
  if (!context.transcript.isEmpty) lines.push('transcript', ...indent(context.transcript.lines()));
  const shown = details.program ? [details.program] : context.programs;
  for (const program of shown) lines.push('your program', ...indent(program.describeState()));
  if (givenBack.ms >= 100) {
    lines.push(`machine   busy: a wait in this case lasted up to ${givenBack.ms} ms longer than it says, to make up for the time your program or the grader waited for a CPU core`);
  }
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

/** Where a suite file's cases belong: the README heading they are listed under, and the role they grade. */
export interface SuiteOptions {
  /** A heading under "What is graded" in the exercise's README; a case may name another. */
  group: string;
  /** The role whose program the cases grade; may be left out when the exercise has only one. */
  role?: string;
}

/** Whether a case runs in this run: --list runs none; --case names cases; --role and --level narrow the rest. */
function caseRuns(settings: RunSettings, meta: CaseMeta): boolean {
  if (settings.listOnly) return false;
  if (settings.onlyRole && meta.role !== settings.onlyRole) return false;
  if (settings.onlyLevel && meta.level !== settings.onlyLevel) return false;
  // A case named with --case runs whatever its visibility; otherwise `socklab test` runs the visible ones.
  if (settings.onlyCases) return settings.onlyCases.includes(meta.id);
  return !settings.visibleOnly || meta.visibility === 'visible';
}

/** The cases of one exercise: `suite.case(spec, body)` declares one, with its points, level and visibility. */
export function exerciseSuite(exercise: string, options: SuiteOptions) {
  const settings = runSettings();
  const ids = new Set<string>();
  const roles = Object.keys(settings.manifests[exercise]?.roles ?? {});
  const role = options.role ?? (roles.length === 1 ? roles[0] : undefined);
  if (!role || !roles.includes(role)) throw new KitError(`kit error: a suite of ${exercise} must name its role, one of ${roles.join(', ')}`);
  return {
    case(spec: CaseSpec, body: (t: CaseContext) => Promise<void>): void {
      if (ids.has(spec.id)) throw new KitError(`kit error: two cases of ${exercise} have the id ${spec.id}`);
      ids.add(spec.id);
      const visibility = spec.visibility ?? 'visible';
      // Declared with the case, so that a case skipped in this run is still listed with its points and level.
      const declared: CaseMeta = {
        exercise, id: spec.id, points: spec.points, level: spec.level, visibility,
        group: spec.group ?? options.group, role, reference: spec.reference,
      };
      const declare = !caseRuns(settings, declared) ? test.skip : spec.alone ? test.sequential : test;
      const deadline = scaled(spec.timeoutMs ?? 0) || timeout('case');
      declare(spec.name, { timeout: deadline + scaled(15000), meta: { socklab: declared } }, async ({ task }) => {
        const meta: CaseMeta = { ...declared };
        task.meta.socklab = meta;
        const context = new CaseRun(exercise, spec.id, settings);
        // Each failure is born whole: the case's reference and the rendered message come with it, nothing is patched.
        const givenBack: GivenBack = { ms: 0 };
        const render = (details: FailureDetails) => renderMessage(details, context, givenBack);
        try {
          // Every socket wait of the case gives back the time the machine kept its programs, or the grader, from a core.
          const processes = () => context.programs.flatMap((program) => program.processTree());
          await withFailureContext({ reference: spec.reference }, () => withFailureRenderer(render,
            () => withBusyMachineCredit(processes, () => raceDeadline(body(context), deadline), givenBack)));
        } catch (error) {
          if (error instanceof GradingFailure || error instanceof CannotJudge) {
            meta.outcome = error instanceof CannotJudge ? 'error' : 'failed';
            meta.transcript = context.transcript.isEmpty ? undefined : context.transcript.lines();
            // The report's lines are the message's: the server's start line first.
            meta.repro = error.details.repro?.length ? [...context.startLines, ...error.details.repro] : error.details.repro;
            meta.cause = declaredCause(error.details) ?? exitedBeforeDoingAnything(context.programs, context.transcript);
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
