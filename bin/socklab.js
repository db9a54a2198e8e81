#!/usr/bin/env node
// The `socklab` command. It runs the CLI precompiled by esbuild (rebuilt here whenever a source is newer), because
// loading it through tsx would slow down every module the CLI loads, the test runner's included; tsx is the fallback.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outDir = path.join(root, 'node_modules', '.cache', 'socklab-cli');
const entry = path.join(outDir, 'main.mjs');
// What the CLI is built from; the suites, self-tests and mutants are not part of it (vitest loads the suites).
const SOURCES = ['grading', 'harness'];
const NOT_SOURCES = /[\\/](suites|mutants|self-test|test)([\\/]|$)/;

function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (NOT_SOURCES.test(file)) continue;
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  for (const dir of SOURCES) walk(path.join(root, dir));
  return Math.max(newest, statSync(path.join(root, 'package.json')).mtimeMs);
}

async function build() {
  const { build: esbuild } = await import('esbuild');
  // Built beside, then moved into place: two commands started at once never load half a build.
  const temp = `${outDir}.${process.pid}`;
  await esbuild({
    entryPoints: [path.join(root, 'grading', 'cli', 'main.ts')],
    outdir: temp, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent',
  });
  rmSync(outDir, { recursive: true, force: true });
  try { renameSync(temp, outDir); } catch { rmSync(temp, { recursive: true, force: true }); }
}

async function main() {
  try {
    if (!existsSync(entry) || statSync(entry).mtimeMs < newestSource()) {
      mkdirSync(path.dirname(outDir), { recursive: true });
      await build();
    }
    await import(pathToFileURL(entry).href);
  } catch (error) {
    if (existsSync(entry) && !(error instanceof Error && /esbuild|EACCES|EROFS|ENOENT/.test(error.message))) throw error;
    const { register } = await import('tsx/esm/api');
    register();
    await import('../grading/cli/main.ts');
  }
}

await main();
