// Where an interpreter really lives, so that the sandbox's read-only view holds what it needs to run (a Node or a
// Python installed under a home folder by nvm or pyenv, a virtual environment) without naming any machine's paths.
import { spawnSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { findOnPath } from './support.ts';

/** An interpreter as the sandbox starts it: the real executable, and the folders it reads at run time. */
export interface Interpreter { executable: string; folders: string[] }

const cache = new Map<string, Interpreter>();

/** The installation folder around an executable: <prefix>/bin/<name> → <prefix>. */
function prefixOf(executable: string): string {
  return path.dirname(path.dirname(executable));
}

function resolvePython(command: string): Interpreter | undefined {
  // A shim (pyenv) or a symlink (a venv) only says where to look: ask the interpreter itself.
  const probe = spawnSync(command, ['-c', 'import sys, json; print(json.dumps([sys.executable, sys.prefix, sys.base_prefix]))'],
    { encoding: 'utf8', timeout: 20_000 });
  if (probe.status !== 0) return undefined;
  const [executable, prefix, basePrefix] = JSON.parse(probe.stdout) as string[];
  const real = realpathSync(executable);
  return { executable, folders: [...new Set([prefix, basePrefix, prefixOf(real)])] };
}

/** The interpreter behind `command` (an absolute path or a name on the PATH), resolved once per process. */
export function resolveInterpreter(command: string): Interpreter | undefined {
  const known = cache.get(command);
  if (known) return known;
  let found: Interpreter | undefined;
  if (/python/.test(path.basename(command))) {
    found = resolvePython(command);
  } else {
    const onPath = path.isAbsolute(command) ? command : findOnPath(command);
    if (onPath) {
      const real = realpathSync(onPath);
      found = { executable: onPath, folders: [prefixOf(real)] };
    }
  }
  if (found) cache.set(command, found);
  return found;
}
