// The options `test` and `grade` share, parsed and checked in one place.
import { grade } from '../../grader/grade.ts';
import type { Report } from '../../grader/report.ts';
import { applyTimeoutScale, numberOption, parseOptions, resolveTarget } from '../options.ts';

export const SHARED_OPTIONS = {
  target: { type: 'string' },
  seed: { type: 'string' },
  'timeout-scale': { type: 'string' },
  jobs: { type: 'string' },
} as const;

/** Parses the shared options plus a command's own, and grades; returns the report and the parsed values. */
export async function gradeFromOptions<T extends Record<string, { type: 'string' | 'boolean' }>>(
  command: string, args: string[], own: T, visibleOnly: (values: Record<string, unknown>) => boolean,
) {
  const parsed = parseOptions(command, args, { ...SHARED_OPTIONS, ...own });
  const values = parsed.values as Record<string, string | boolean | undefined>;
  const positionals = parsed.positionals;
  const { target, targetOption } = resolveTarget(command, values.target as string | undefined);
  applyTimeoutScale(command, values['timeout-scale'] as string | undefined);
  const report: Report = await grade({
    ids: positionals,
    target,
    targetOption,
    seed: numberOption(command, 'seed', values.seed as string | undefined, 0, 2 ** 31 - 1),
    jobs: numberOption(command, 'jobs', values.jobs as string | undefined, 1, 64),
    visibleOnly: visibleOnly(values),
  });
  return { report, values, positionals };
}
