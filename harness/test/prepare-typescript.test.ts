// A TypeScript program is compiled to CommonJS (faster to start) unless it needs an ES module: each kind runs as
// written, strict like a module, and a crash still names the student's .ts line (the source map, also in the sandbox).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { prepareProgram } from '../prepare-program.ts';
import { RunningProgram, type Launchable } from '../running-program.ts';
import { scaled } from '../timeouts.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'socklab-prepare-ts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** Writes `source` as <name>/client.ts, prepares it, runs it to its end; its file and what it printed. */
async function compileAndRun(name: string, source: string) {
  const dir = path.join(root, name);
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  writeFileSync(path.join(dir, 'client.ts'), source);
  const prepared = await prepareProgram(dir, 'client', path.join(root, `${name}-build`));
  if ('error' in prepared) throw new Error(`${name} did not prepare: ${prepared.error.summary}`);
  const program = new RunningProgram(prepared as Launchable, { args: [] });
  const status = await program.waitForExit(scaled(10_000));
  await program.stop();
  return { built: path.basename(prepared.args.at(-1) ?? ''), status, stdout: program.stdout.lastLines(5), stderr: program.stderr.lastLines(40).join('\n') };
}

describe.concurrent('a TypeScript program as the grader compiles it', () => {
  test('a module (import or export) becomes CommonJS and runs', async () => {
    const run = await compileAndRun('plain', "import os from 'node:os';\nconst n: number = 2;\nconsole.log(`two ${n} ${typeof os.cpus}`);\n");
    expect(run.built).toBe('client.cjs');
    expect(run.status?.code).toBe(0);
    expect(run.stdout).toEqual(['two 2 function']);
  });

  test('top-level await stays an ES module and runs', async () => {
    const run = await compileAndRun('tla', "const n = await Promise.resolve(3);\nconsole.log(`three ${n}`);\n");
    expect(run.built).toBe('client.mjs');
    expect(run.stdout).toEqual(['three 3']);
  });

  test('import.meta stays an ES module, with its url, even where esbuild would only whisper (in a try)', async () => {
    const plain = await compileAndRun('meta', 'console.log(import.meta.url.startsWith("file://"));\nexport {};\n');
    const inTry = await compileAndRun('meta-try', 'try { console.log(import.meta.url.startsWith("file://")); } catch { console.log("no url"); }\nexport {};\n');
    expect([plain.built, plain.stdout, inTry.built, inTry.stdout]).toEqual(['client.mjs', ['true'], 'client.mjs', ['true']]);
  });

  test('require(): a module that also uses it is CommonJS; a script in CommonJS style stays an ES module with require', async () => {
    const cjs = await compileAndRun('require-module', "import path from 'node:path';\nconst os = require('node:os');\nconsole.log(typeof os.cpus, typeof path.join);\n");
    const script = await compileAndRun('require-script', "const os = require('node:os');\nconsole.log(typeof os.cpus);\n");
    expect([cjs.built, cjs.stdout, script.built, script.stdout]).toEqual(['client.cjs', ['function function'], 'client.mjs', ['function']]);
  });

  test('strict like a module: assigning an undeclared name is an error in the CommonJS build', async () => {
    const run = await compileAndRun('strict', "// @ts-nocheck\nimport os from 'node:os';\nundeclared = os.EOL;\nconsole.log('not reached');\n");
    expect(run.built).toBe('client.cjs');
    expect(run.status?.code).toBe(1);
    expect(run.stderr).toContain('ReferenceError: undeclared is not defined');
  });

  test('what strict mode forbids is a compile error naming the .ts line, module or script alike', async () => {
    for (const [name, source, line] of [['with-module', "import os from 'node:os';\nconst o = { a: os.EOL };\n// @ts-ignore\nwith (o) { console.log(a); }\n", 4],
      ['with-script', "const o = { a: 1 };\n// @ts-ignore\nwith (o) { console.log(a); }\n", 3]] as const) {
      const dir = path.join(root, name);
      mkdirSync(dir, { recursive: true, mode: 0o755 });
      writeFileSync(path.join(dir, 'client.ts'), source);
      const prepared = await prepareProgram(dir, 'client', path.join(root, `${name}-build`));
      if (!('error' in prepared)) throw new Error(`${name} compiled`);
      expect(prepared.error.summary).toBe('client.ts does not compile');
      const details = (prepared.error.details ?? []).join('\n');
      expect(details).toContain('[ERROR] With statements cannot be used');
      expect(details).toMatch(new RegExp(`client\\.ts:${line}:\\d+:`));
    }
  });

  test('a crash names the .ts file and line, through the source map', async () => {
    const run = await compileAndRun('crash', 'const a: number = 1;\nfunction fail(): never {\n  throw new TypeError(`boom ${a}`);\n}\nfail();\n');
    expect(run.status?.code).toBe(1);
    expect(run.stderr).toContain('TypeError: boom 1');
    expect(run.stderr).toMatch(/crash\/client\.ts:3:9/);
  });
});
