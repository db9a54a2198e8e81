// Command-line parsing for every subcommand: one place that turns bad input into a message naming the option.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from '../grader/kit-error.ts';
import { exercisesDir } from '../grader/kit-paths.ts';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses `args` strictly; an unknown option or a missing value is a UsageError that names it. */
export function parseOptions<T extends Options>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's own text goes on about positional arguments; a student needs the option's name and where the list is.
    const message = (error as Error).message;
    const unknown = /^Unknown option '([^']+)'/.exec(message);
    const what = unknown ? `unknown option ${unknown[1]}` : message.replace(/\.$/, '');
    throw new UsageError(`socklab ${command}: ${what}. Its options: \`npx socklab ${command} --help\`.`);
  }
}

/** The target folder: absolute path and how to repeat the option in a command shown to the user. */
export function resolveTarget(command: string, given: string | undefined): { target: string; targetOption: string } {
  if (given === undefined) return { target: exercisesDir, targetOption: '' };
  const target = path.resolve(given);
  if (!existsSync(target) || !statSync(target).isDirectory()) {
    throw new UsageError(`socklab ${command}: --target ${given}: no such folder`);
  }
  return { target, targetOption: ` --target ${given}` };
}

/** A number option: must be a finite number within bounds, else a UsageError naming it. */
export function numberOption(command: string, name: string, raw: string | undefined, min: number, max: number): number | undefined {
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || value < min || value > max) {
    throw new UsageError(`socklab ${command}: --${name} ${raw}: expected a number from ${min} to ${max}`);
  }
  return value;
}

/** Applies --timeout-scale to this process and every program it starts (the harness reads the variable). */
export function applyTimeoutScale(command: string, raw: string | undefined): void {
  const scale = numberOption(command, 'timeout-scale', raw, 0.1, 100);
  if (scale !== undefined) process.env.SOCKLAB_TIMEOUT_SCALE = String(scale);
}

/** Creates the folder an `--out FILE` goes into, so a report never fails for want of a folder; a file in the way is a UsageError. */
export function createOutFolder(command: string, out: string): void {
  const folder = path.dirname(path.resolve(out));
  try {
    mkdirSync(folder, { recursive: true });
  } catch (error) {
    throw new UsageError(`socklab ${command}: --out ${out}: cannot create the folder ${folder}: ${(error as Error).message}`);
  }
}
