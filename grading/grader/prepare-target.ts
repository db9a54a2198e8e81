// Prepares every program of the graded exercises once per run, so a compile error is found and reported once.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { renderDetails } from '../../harness/failure.ts';
import { prepareProgram, type PreparedProgram } from '../../harness/prepare-program.ts';
import type { Manifest } from '../../harness/run-settings.ts';

export interface PreparedTarget {
  programs: Record<string, Record<string, PreparedProgram>>;
  /** exercise id → messages for programs that cannot run, each to be shown once. */
  problems: Record<string, string[]>;
  /** Removes the compiled files. */
  dispose(): Promise<void>;
}

/** Compiles or locates each role's program under target/<exercise>/, in a temporary build folder. */
export async function prepareTarget(target: string, manifests: Record<string, Manifest>): Promise<PreparedTarget> {
  const buildRoot = await mkdtemp(path.join(os.tmpdir(), 'socklab-build-'));
  const programs: PreparedTarget['programs'] = {};
  const problems: PreparedTarget['problems'] = {};
  for (const [id, manifest] of Object.entries(manifests)) {
    programs[id] = {};
    problems[id] = [];
    const roles = Object.keys(manifest.roles);
    const prepared = await Promise.all(roles.map((role) => prepareProgram(path.join(target, id), role, path.join(buildRoot, id))));
    for (const program of prepared) {
      programs[id][program.role] = program;
      if ('error' in program) problems[id].push(renderDetails(program.error).join('\n'));
    }
  }
  return { programs, problems, dispose: () => rm(buildRoot, { recursive: true, force: true }) };
}
