// Turns a program file into a command line, compiling TypeScript once so that every start costs a bare `node` start.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { BuildOptions, Message } from 'esbuild';
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

/**
 * Compiles a TypeScript program into one file beside its source map (`<outBase>.cjs` or `.mjs`, and `.map`); returns
 * the file. Node starts CommonJS faster than an ES module (no ES module loader: about 13 ms a start here, and a
 * suite starts a program dozens of times), and reads a linked source map only when a stack trace needs it, where an
 * inline one is decoded at every start. A program that uses top-level await or import.meta, which CommonJS lacks,
 * is compiled as an ES module, as is one that does not compile (so its errors read as they always did).
 */
async function compileTypeScript(file: string, outBase: string): Promise<string> {
  const common: BuildOptions = {
    entryPoints: [file], bundle: true, platform: 'node', target: 'node20', sourcemap: 'linked', logLevel: 'silent',
  };
  try {
    // ES modules are always strict; the CommonJS build keeps that, so both builds behave alike.
    const result = await esbuild().build({ ...common, outfile: `${outBase}.cjs`, format: 'cjs', banner: { js: "'use strict';" } });
    if (!result.warnings.some((warning) => warning.id === 'empty-import-meta')) return `${outBase}.cjs`;
  } catch { /* top-level await, or an error the module build below reports */ }
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
