// Where `socklab export` may write: a new or empty folder, a checkout that holds only .git, or an earlier export
// (re-exported to publish an update). Any other folder is refused, so an export never deletes someone's work.
import { existsSync, statSync } from 'node:fs';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../grader/kit-error.ts';
import { kitRoot } from '../grader/kit-paths.ts';

/** Written at the root of every student copy: it is what lets a later export replace that copy. */
export const EXPORT_MARKER = '.socklab-export.json';

/** Kept when a folder is re-exported: the published repository's history and settings. */
const KEPT = new Set(['.git']);

/**
 * Makes `root` ready for an export: creates it, or empties it but for .git/; refuses a folder no export wrote.
 * Returns whether an earlier copy was replaced, so the command can say so.
 */
export async function prepareExportFolder(root: string, given: string): Promise<boolean> {
  if (existsSync(root) && !statSync(root).isDirectory()) {
    throw new UsageError(`socklab export: --out ${given}: this is a file, not a folder; name a new folder`);
  }
  // The kit a copy is exported from is itself a copy (it ships `export` and the marker): never into itself, nor into a
  // folder that holds it or lies inside it, which would delete the kit and the student's work in it.
  const [out, kit] = [path.resolve(root), path.resolve(kitRoot)];
  if (out === kit || kit.startsWith(`${out}${path.sep}`) || out.startsWith(`${kit}${path.sep}`)) {
    throw new UsageError(`socklab export: --out ${given}: this is the kit being exported from, or a folder that holds it ` +
      `or lies inside it (${kit}); name a folder outside it`);
  }
  const entries = existsSync(root) ? await readdir(root) : [];
  const replaced = entries.filter((name) => !KEPT.has(name));
  if (replaced.length > 0 && !entries.includes(EXPORT_MARKER)) {
    throw new UsageError(`socklab export: --out ${given}: the folder holds ${names(replaced)} and is not an earlier ` +
      `student copy (it has no ${EXPORT_MARKER}), so the export will not replace it. Name a new or empty folder, a ` +
      'checkout that holds only .git, or a folder an earlier `socklab export` wrote (everything but .git/ is replaced)');
  }
  await mkdir(root, { recursive: true });
  for (const name of replaced) await rm(path.join(root, name), { recursive: true, force: true });
  return replaced.length > 0;
}

/** Writes the marker first, so that an export cut short can be run again into the same folder. */
export async function writeExportMarker(root: string, version: string): Promise<void> {
  const marker = {
    note: 'Written by `socklab export`: this folder is a student copy of socklab. Exporting into it again replaces everything but .git/.',
    kitVersion: version,
  };
  await writeFile(path.join(root, EXPORT_MARKER), JSON.stringify(marker, null, 2) + '\n');
}

function names(entries: string[]): string {
  const shown = entries.sort().slice(0, 3).join(', ');
  return entries.length > 3 ? `${shown} and ${entries.length - 3} more` : shown;
}
