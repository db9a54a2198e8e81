// The options `test` and `grade` share, parsed and checked in one place before any grading starts.
import type { GradeOptions } from '../../grader/grade.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { applyTimeoutScale, numberOption, parseOptions, resolveTarget } from '../options.ts';

const SHARED_OPTIONS = {
  target: { type: 'string' },
  seed: { type: 'string' },
  'timeout-scale': { type: 'string' },
  jobs: { type: 'string' },
  case: { type: 'string', multiple: true },
  role: { type: 'string' },
  level: { type: 'string' },
  bail: { type: 'boolean' },
  'require-sandbox': { type: 'boolean' },
} as const;

type OptionTypes = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;

const LEVELS = ['core', 'rfc'] as const;

/** --role must name a role of the exercises graded; the answer lists the valid ones. */
function checkRole(command: string, ids: string[], role: string | undefined): void {
  if (role === undefined) return;
  const roles = [...new Set(Object.values(loadManifests(ids)).flatMap((manifest) => Object.keys(manifest.roles)))];
  if (!roles.includes(role)) throw new UsageError(`socklab ${command}: --role ${role}: no such role here; the roles are: ${roles.join(', ')}`);
}

/** Parses the shared options plus a command's own; returns the grade() options and the raw values to check. */
export function parseGradingOptions(command: string, args: string[], own: OptionTypes) {
  const parsed = parseOptions(command, args, { ...SHARED_OPTIONS, ...own });
  const values = parsed.values as Record<string, string | boolean | string[] | undefined>;
  const { target, targetOption } = resolveTarget(command, values.target as string | undefined);
  applyTimeoutScale(command, values['timeout-scale'] as string | undefined);
  const level = values.level as string | undefined;
  if (level !== undefined && !(LEVELS as readonly string[]).includes(level)) {
    throw new UsageError(`socklab ${command}: --level ${level}: expected core (the textbook lab) or rfc (the conformance depth)`);
  }
  const role = values.role as string | undefined;
  checkRole(command, parsed.positionals, role);
  const options: GradeOptions = {
    ids: parsed.positionals,
    target,
    targetOption,
    seed: numberOption(command, 'seed', values.seed as string | undefined, 0, 2 ** 31 - 1),
    jobs: numberOption(command, 'jobs', values.jobs as string | undefined, 1, 64),
    cases: values.case as string[] | undefined,
    role,
    level: level as GradeOptions['level'],
    bail: values.bail === true,
  };
  return { options, values };
}
