// Turns a program file into a command line, compiling TypeScript once so that every start costs a bare `node` start.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, Message, Metafile } from 'esbuild';
import { requireCommonJs } from './common-js.ts';
import { CannotJudge, type FailureDetails } from './failure.ts';
import { findProgramFile } from './program-files.ts';

/**
 * How to start one role's program: ready to launch, or why it cannot be (missing, several, does not compile).
 * `readable` names files the program reads besides its own and its arguments (a compiled program's source map).
 */
export type PreparedProgram =
  | { role: string; file: string; command: string; args: string[]; cwd: string; readable?: string[] }
  | { role: string; file?: string; error: FailureDetails };

// ESM output cannot call require(); students who write CommonJS-style TypeScript still get a working program.
const REQUIRE_SHIM = "import { createRequire as __socklabCreateRequire } from 'node:module';\n" +
  'const require = __socklabCreateRequire(import.meta.url);';

/** esbuild, loaded when a program is first compiled: the test workers import this module but never compile. */
const esbuild = () => requireCommonJs<typeof import('esbuild')>('esbuild');

async function compileOrExplain(file: string, options: BuildOptions): Promise<void> {
  try {
    await esbuild().build(options);
  } catch (error) {
    const messages: Message[] = (error as { errors?: Message[] }).errors ?? [];
    const formatted = messages.length > 0
      ? await esbuild().formatMessages(messages, { kind: 'error', color: false })
      : [String(error)];
    throw new CannotJudge({
      summary: `${path.basename(file)} does not compile`,
      details: formatted.join('').trimEnd().split('\n'),
      hint: 'Fix the syntax error above; run `npx tsc --noEmit` to see type errors as well.',
    });
  }
}

/** Whether esbuild read the entry file as an ES module (it has import or export): then it parsed it strict. */
function readAsModule(file: string, metafile: Metafile | undefined): boolean {
  const entry = Object.entries(metafile?.inputs ?? {}).find(([input]) => path.resolve(input) === path.resolve(file));
  return entry?.[1].format === 'esm';
}

/**
 * Compiles a TypeScript program into one file beside its source map (`<outBase>.cjs` or `.mjs`, and `.map`); returns
 * the file. Node starts CommonJS faster than an ES module (no ES module loader: about 13 ms a start here, and a
 * suite starts a program dozens of times), and a linked source map is read from its file where an inline one is
 * decoded from base64 at every start (about 10 ms). The CommonJS build is used only for a program written as an ES
 * module (import or export: esbuild then parses it strict, and the output is made strict, as a module is) that
 * uses neither top-level await nor import.meta, which CommonJS lacks (esbuild's error, and its empty-import-meta
 * warning made one). Every other program, and one that does not compile, is built as an ES module as before, so that
 * it runs, and its errors read, as they always did.
 */
async function compileTypeScript(file: string, outBase: string): Promise<string> {
  const common: BuildOptions = {
    entryPoints: [file], bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'silent',
  };
  try {
    const result = await esbuild().build({
      ...common, outfile: `${outBase}.cjs`, format: 'cjs', metafile: true, logOverride: { 'empty-import-meta': 'error' },
      // esbuild writes "use strict" only when a tsconfig.json asks for it; a module is strict wherever it lives.
      banner: { js: "'use strict';" },
    });
    if (readAsModule(file, result.metafile)) return `${outBase}.cjs`;
  } catch { /* top-level await, import.meta, or an error the module build below reports */ }
  await compileOrExplain(file, { ...common, outfile: `${outBase}.mjs`, format: 'esm', banner: { js: REQUIRE_SHIM } });
  return `${outBase}.mjs`;
}

/** Finds and prepares the program for one role; never throws, so one broken role cannot stop the others. */
export async function prepareProgram(dir: string, role: string, buildDir: string): Promise<PreparedProgram> {
  let file: string | undefined;
  try {
    file = findProgramFile(dir, role);
    const cwd = path.dirname(file);
    switch (path.extname(file)) {
      case '.ts': {
        await mkdir(buildDir, { recursive: true });
        const outFile = await compileTypeScript(file, path.join(buildDir, role));
        return { role, file, command: process.execPath, args: ['--enable-source-maps', outFile], cwd, readable: [`${outFile}.map`] };
      }
      case '.py':
        return { role, file, command: 'python3', args: [file], cwd };
      default:
        return { role, file, command: process.execPath, args: [file], cwd };
    }
  } catch (error) {
    if (error instanceof CannotJudge) return { role, file, error: error.details };
    throw error;
  }
}
