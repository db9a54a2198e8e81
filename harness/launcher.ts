// The one way the kit starts a program outside a case's own bookkeeping: prepared in a build folder of its own,
// arguments filled from the role's template, started in its process group, waited for until it listens.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { FailureDetails } from './failure.ts';
import { prepareProgram } from './prepare-program.ts';
import { RunningProgram, type Launchable, type LaunchOptions } from './running-program.ts';
import { waitUntilListening } from './wait-listening.ts';

/**
 * Fills a role's argument template: each `{name}` from `vars`. An option whose value has a placeholder is left out
 * when `overriddenBy` (the user's own options) has it; a placeholder without a value is `missing(name, option)`'s error.
 */
export function fillArguments(template: string[], vars: Record<string, string | number>,
  missing: (name: string, option: string | undefined) => Error, overriddenBy: string[] = []): string[] {
  const filled: string[] = [];
  for (let i = 0; i < template.length; i++) {
    const word = template[i];
    const value = template[i + 1];
    if (word.startsWith('--') && value !== undefined && /\{\w+\}/.test(value) && overriddenBy.includes(word)) { i += 1; continue; }
    const option = i > 0 && template[i - 1].startsWith('--') ? template[i - 1] : undefined;
    filled.push(word.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (vars[name] === undefined) throw missing(name, option);
      return String(vars[name]);
    }));
  }
  return filled;
}

/** How to start a program: its arguments and input, where it must listen, and who must know of it at once. */
export interface Launch extends LaunchOptions {
  /** Resolve only once the program listens here (a failure explains a program that does not). */
  listen?: { port: number; transport?: 'tcp' | 'udp' };
  /** Called as soon as it runs, before the wait: whoever stops it must know of it even if the wait fails. */
  started?: (program: RunningProgram) => void;
}

/**
 * Starts a prepared program; with `listen`, resolves once it listens there. When it never does, the program is
 * stopped before the failure is thrown, unless `started` took charge of it.
 */
export async function launch(prepared: Launchable, options: Launch): Promise<RunningProgram> {
  const program = new RunningProgram(prepared, options);
  options.started?.(program);
  if (!options.listen) return program;
  try {
    await waitUntilListening(program, options.listen.port, options.listen.transport ?? 'tcp');
  } catch (error) {
    if (!options.started) await program.stop();
    throw error;
  }
  return program;
}

/** A role's program prepared in a temporary build folder; `dispose()` removes the folder. */
export interface PreparedCopy { prepared: Launchable; dispose(): Promise<void> }

/** Prepares `role` under `exerciseDir` in a fresh build folder; a program that cannot run is its explanation. */
export async function prepareCopy(exerciseDir: string, role: string): Promise<PreparedCopy | { error: FailureDetails }> {
  const buildDir = await mkdtemp(path.join(os.tmpdir(), 'socklab-build-'));
  const dispose = () => rm(buildDir, { recursive: true, force: true });
  const prepared = await prepareProgram(exerciseDir, role, buildDir);
  if ('error' in prepared) {
    await dispose();
    return { error: prepared.error };
  }
  return { prepared, dispose };
}
