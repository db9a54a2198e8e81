// Builds the student copy of the kit: skeletons, READMEs, the grader and the suites of the visible cases only.
import { existsSync, readdirSync } from 'node:fs';
import { cp, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../grader/kit-error.ts';
import { kitRoot, kitVersion, suitesDir } from '../grader/kit-paths.ts';
import { loadManifests } from '../grader/load-manifests.ts';
import { prepareExportFolder, writeExportMarker } from './export-folder.ts';
import { hiddenSuiteFiles } from './hidden-suites.ts';
import { studentReadme } from './student-readme.ts';

/**
 * What the copy takes from the kit, as paths relative to the kit's root; everything else stays with the instructor.
 * docs/figures holds the images the exercises' READMEs show (the student-copy self-test checks every link).
 */
const SHIPPED = ['bin', 'harness', 'grading', 'exercises', 'docs/students.md', 'docs/figures', 'package-lock.json', '.gitignore'];
/** Never shipped, even inside a shipped folder: solutions and what proves the kit with them. */
const WITHHELD = ['harness/test', 'grading/self-test', 'grading/mutants'];

export interface ExportResult { root: string; exercises: string[]; withheldSuites: string[]; replaced: boolean }

/** Writes the student copy to `out`: a new or empty folder, one holding only .git, or an earlier copy to replace. */
export async function exportStudentCopy(out: string): Promise<ExportResult> {
  const root = path.resolve(out);
  const manifests = Object.values(loadManifests());
  const withheldSuites = manifests.flatMap((manifest) => hiddenSuiteFiles(manifest.id));
  // An exercise without any visible case would be a copy that can never be graded: say so before writing anything.
  for (const manifest of manifests) {
    const suites = readdirSync(path.join(suitesDir, manifest.id), { recursive: true }).map((file) => path.join(manifest.id, String(file)));
    if (!suites.some((file) => file.endsWith('.test.ts') && !withheldSuites.includes(file))) {
      throw new UsageError(`socklab export: ${manifest.id} has only hidden cases; a student copy could not grade it`);
    }
  }
  const withheld = new Set([...WITHHELD, ...withheldSuites.map((file) => path.join('grading', 'suites', file))].map((p) => path.join(kitRoot, p)));
  const replaced = await prepareExportFolder(root, out);
  await writeExportMarker(root, kitVersion().version);
  for (const entry of SHIPPED) {
    if (!existsSync(path.join(kitRoot, entry))) continue;
    await cp(path.join(kitRoot, entry), path.join(root, entry), { recursive: true, filter: (source) => !withheld.has(source) && !/[/\\]node_modules$/.test(source) });
  }
  await writeFile(path.join(root, 'package.json'), await studentPackageJson());
  await writeFile(path.join(root, 'tsconfig.json'), await studentTsconfig());
  await writeFile(path.join(root, 'README.md'), studentReadme(manifests, kitVersion().version));
  // The reusable workflow students' repositories call, pinned by commit, when this copy is the course's kit repository.
  await mkdir(path.join(root, '.github', 'workflows'), { recursive: true });
  await cp(path.join(kitRoot, 'grading', 'ci', 'grade-on-push.yml'), path.join(root, '.github', 'workflows', 'socklab-grade.yml'));
  return { root, exercises: manifests.map((manifest) => manifest.id), withheldSuites, replaced };
}

/** The kit's package.json with the students' scripts: `npm test` grades every exercise and wants every case. */
async function studentPackageJson(): Promise<string> {
  const pkg = JSON.parse(await readFile(path.join(kitRoot, 'package.json'), 'utf8')) as Record<string, unknown>;
  pkg.description = `${String(pkg.description)} (student copy)`;
  pkg.scripts = { test: 'socklab grade --fail-under 100', typecheck: 'tsc --noEmit' };
  return JSON.stringify(pkg, null, 2) + '\n';
}

/** The kit's tsconfig.json, including only the folders the copy has. */
async function studentTsconfig(): Promise<string> {
  const config = JSON.parse(await readFile(path.join(kitRoot, 'tsconfig.json'), 'utf8')) as { include: string[]; exclude?: string[] };
  config.include = config.include.filter((entry) => ['bin', 'harness', 'grading', 'exercises'].includes(entry));
  return JSON.stringify(config, null, 2) + '\n';
}
