// The options `test` and `grade` share, parsed and checked in one place before any grading starts.
import type { GradeOptions } from '../../grader/grade.ts';
import { applyTimeoutScale, numberOption, parseOptions, resolveTarget } from '../options.ts';

const SHARED_OPTIONS = {
  target: { type: 'string' },
  seed: { type: 'string' },
  'timeout-scale': { type: 'string' },
  jobs: { type: 'string' },
  case: { type: 'string', multiple: true },
  'require-sandbox': { type: 'boolean' },
} as const;

type OptionTypes = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

/** Parses the shared options plus a command's own; returns the grade() options and the raw values to check. */
export function parseGradingOptions(command: string, args: string[], own: OptionTypes) {
  const parsed = parseOptions(command, args, { ...SHARED_OPTIONS, ...own });
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const { target, targetOption } = resolveTarget(command, values.target as string | undefined);
  applyTimeoutScale(command, values['timeout-scale'] as string | undefined);
  const options: GradeOptions = {
    ids: parsed.positionals,
    target,
    targetOption,
    seed: numberOption(command, 'seed', values.seed as string | undefined, 0, 2 ** 31 - 1),
    jobs: numberOption(command, 'jobs', values.jobs as string | undefined, 1, 64),
    cases: values.case as string[] | undefined,
  };
  return { options, values };
}
