// A throwaway copy of the kit (sharing node_modules), for tests that must break the kit on purpose.
import { cp, mkdtemp, rm, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { kitRoot } from '../grader/kit-paths.ts';

/** Copies the kit's sources to a temporary folder; returns the folder and a function that removes it. */
export async function copyKit(): Promise<{ root: string; dispose: () => Promise<void> }> {
  const parent = await mkdtemp(path.join(os.tmpdir(), 'socklab-kit-'));
  const root = path.join(parent, 'kit');
  await cp(kitRoot, root, {
    recursive: true,
    filter: (source) => !/[/\\](node_modules|\.git|\.socklab)$/.test(source),
  });
  await symlink(path.join(kitRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  return { root, dispose: () => rm(parent, { recursive: true, force: true }) };
}
