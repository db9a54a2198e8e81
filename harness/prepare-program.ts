// Turns a program file into a command line, compiling TypeScript once so that every start costs a bare `node` start.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { build, formatMessages, type Message } from 'esbuild';
import { CannotJudge, type FailureDetails } from './failure.ts';
import { findProgramFile } from './program-files.ts';

/** How to start one role's program: ready to launch, or why it cannot be (missing, several, does not compile). */
export type PreparedProgram =
  | { role: string; file: string; command: string; args: string[]; cwd: string }
  | { role: string; file?: string; error: FailureDetails };

// ESM output cannot call require(); students who write CommonJS-style TypeScript still get a working program.
const REQUIRE_SHIM = "import { createRequire as __socklabCreateRequire } from 'node:module';\n" +
  'const require = __socklabCreateRequire(import.meta.url);';

async function compileTypeScript(file: string, outFile: string): Promise<void> {
  try {
    await build({
      entryPoints: [file],
      outfile: outFile,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      sourcemap: 'inline',
      banner: { js: REQUIRE_SHIM },
      logLevel: 'silent',
    });
  } catch (error) {
    const messages: Message[] = (error as { errors?: Message[] }).errors ?? [];
    const formatted = messages.length > 0
      ? await formatMessages(messages, { kind: 'error', color: false })
      : [String(error)];
    throw new CannotJudge({
      summary: `${path.basename(file)} does not compile`,
      details: formatted.join('').trimEnd().split('\n'),
      hint: 'Fix the syntax error above; run `npx tsc --noEmit` to see type errors as well.',
    });
  }
}

/** Finds and prepares the program for one role; never throws, so one broken role cannot stop the others. */
export async function prepareProgram(dir: string, role: string, buildDir: string): Promise<PreparedProgram> {
  let file: string | undefined;
  try {
    file = findProgramFile(dir, role);
    const cwd = path.dirname(file);
    switch (path.extname(file)) {
      case '.ts': {
        const outFile = path.join(buildDir, `${role}.mjs`);
        await mkdir(buildDir, { recursive: true });
        await compileTypeScript(file, outFile);
        return { role, file, command: process.execPath, args: ['--enable-source-maps', outFile], cwd };
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
