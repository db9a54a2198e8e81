// Turns what a student handed in (flat files, an exercises/ folder, or a zip of either) into a grading target.
import { existsSync, lstatSync, statSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Manifest } from '../../harness/run-settings.ts';
import { BadUpload, extractZip } from './unzip.ts';

export interface Submission {
  /** The folder holding one folder per exercise, as `--target` wants it. */
  target: string;
  /** What was found, in words a student understands (shown in the report's output). */
  notes: string[];
  dispose(): Promise<void>;
}

const SKIP = /^(node_modules|\.git|__MACOSX|\.DS_Store)$/;
const roleOf = (file: string) => file.replace(/\.(ts|js|mjs|py)$/, '');

/** A real folder (not a link to one, not a broken link: an upload's links are never followed). */
function isFolder(file: string): boolean {
  try { return lstatSync(file).isDirectory(); } catch { return false; }
}

async function visible(dir: string): Promise<string[]> {
  return (await readdir(dir)).filter((name) => !SKIP.test(name));
}

/** The folder that holds the work: `exercises/` if there is one, else exercise folders, else the files themselves. */
async function findWork(dir: string, manifests: Manifest[]): Promise<{ kind: 'exercises' | 'flat'; dir: string }> {
  const roles = new Set(manifests.flatMap((m) => Object.keys(m.roles)));
  for (let depth = 0; depth < 3; depth += 1) {
    if (existsSync(path.join(dir, 'exercises')) && statSync(path.join(dir, 'exercises')).isDirectory()) return { kind: 'exercises', dir: path.join(dir, 'exercises') };
    const names = await visible(dir);
    if (manifests.some((m) => names.includes(m.id))) return { kind: 'exercises', dir };
    // A zip of a folder, or a repository checkout beside a stray file (notes.txt): look inside its only folder, unless
    // programs lie here, which are the work.
    const folders = names.filter((name) => !name.startsWith('.') && isFolder(path.join(dir, name)));
    if (folders.length === 1 && !names.some((name) => roles.has(roleOf(name)))) { dir = path.join(dir, folders[0]); continue; }
    break;
  }
  return { kind: 'flat', dir };
}

/**
 * Copies the student's programs into a fresh target. Flat files belong to the one exercise whose roles they name;
 * with several exercises sharing role names, the first of `manifests` that they fit (a Gradescope assignment
 * names its exercise). Only the exercises' folders are copied, never the rest of an upload or repository.
 */
export async function prepareSubmission(upload: string, manifests: Manifest[]): Promise<Submission> {
  const scratch = await mkdtemp(path.join(os.tmpdir(), 'socklab-submission-'));
  const dispose = () => rm(scratch, { recursive: true, force: true });
  // Named as in the student's own copy: a message about a missing program names exercises/<id>/.
  const target = path.join(scratch, 'exercises');
  const notes: string[] = [];
  try {
    let source = upload;
    if (statSync(upload).isFile()) {
      if (!/\.zip$/i.test(upload)) throw new BadUpload(`${path.basename(upload)} is neither a folder nor a .zip`);
      source = path.join(scratch, 'unzipped');
      await extractZip(upload, source);
      await mkdir(source, { recursive: true }); // an empty zip unpacks to nothing
      notes.push(`unpacked ${path.basename(upload)}`);
    } else if ((await visible(upload)).length === 1 && /\.zip$/i.test((await visible(upload))[0])) {
      const zip = (await visible(upload))[0];
      source = path.join(scratch, 'unzipped');
      await extractZip(path.join(upload, zip), source);
      await mkdir(source, { recursive: true });
      notes.push(`unpacked ${zip}`);
    }
    const work = await findWork(source, manifests);
    if (work.kind === 'exercises') {
      for (const manifest of manifests) {
        const from = path.join(work.dir, manifest.id);
        if (existsSync(from)) await cp(from, path.join(target, manifest.id), { recursive: true, filter: (f) => !SKIP.test(path.basename(f)) });
      }
      notes.push(`graded the exercise folders found: ${manifests.filter((m) => existsSync(path.join(target, m.id))).map((m) => m.id).join(', ') || 'none'}`);
    } else {
      const files = await visible(work.dir);
      const fits = manifests.find((m) => Object.keys(m.roles).some((role) => files.some((file) => roleOf(file) === role)));
      if (!fits) throw new BadUpload(`no program found: the upload holds ${files.join(', ') || 'nothing'}; expected ${[...new Set(manifests.flatMap((m) => Object.keys(m.roles).map((r) => `${r}.ts`)))].join(' or ')}, or an exercises/ folder`);
      await cp(work.dir, path.join(target, fits.id), { recursive: true, filter: (f) => !SKIP.test(path.basename(f)) });
      notes.push(`graded the files uploaded (${files.join(', ')}) as ${fits.id}`);
    }
    if (!existsSync(target)) throw new BadUpload('no exercise folder found in the upload');
    return { target, notes, dispose };
  } catch (error) {
    await dispose();
    throw error;
  }
}
