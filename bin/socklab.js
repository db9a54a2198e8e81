#!/usr/bin/env node
// The `socklab` command. It runs the CLI precompiled by esbuild (rebuilt here whenever a source is newer), because
// loading it through tsx would slow down every module the CLI loads, the test runner's included; tsx is the fallback.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Inside this kit's own folder, not node_modules: a copy of the kit that links the same node_modules must neither
// share the build nor find the other kit's root from it (the build finds the kit's root upward from itself).
const cacheDir = path.join(root, '.socklab', 'cli');
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

/** Builds the CLI into dir (named after the sources' newest time), beside first: a build is never seen half done. */
async function build(dir) {
  const { build: esbuild } = await import('esbuild');
  const temp = `${dir}.${process.pid}`;
  await esbuild({
    entryPoints: [path.join(root, 'grading', 'cli', 'main.ts')],
    outdir: temp, outExtension: { '.js': '.mjs' }, bundle: true, splitting: true, format: 'esm',
    platform: 'node', target: 'node20', packages: 'external', logLevel: 'silent',
  });
  // Another command may have built the same sources meanwhile: then its build is used and this one dropped.
  try { renameSync(temp, dir); } catch { rmSync(temp, { recursive: true, force: true }); }
  // Builds of older sources, a day old, are no longer used by anyone.
  for (const old of readdirSync(cacheDir)) {
    const file = path.join(cacheDir, old);
    if (file !== dir && Date.now() - statSync(file).mtimeMs > 86_400_000) rmSync(file, { recursive: true, force: true });
  }
}

// The build this command found, told to the grader's own children (the grading network's CLI): they need not walk the
// sources again. Only a build inside this kit's own cache is taken from it, never another kit's.
const INHERITED = 'SOCKLAB_CLI_ENTRY';

async function main() {
  let entry;
  const inherited = process.env[INHERITED];
  if (inherited && path.dirname(path.dirname(inherited)) === cacheDir && existsSync(inherited)) {
    entry = inherited;
  } else {
    try {
      const dir = path.join(cacheDir, String(Math.floor(newestSource())));
      entry = path.join(dir, 'main.mjs');
      if (!existsSync(entry)) {
        mkdirSync(cacheDir, { recursive: true });
        await build(dir);
      }
    } catch {
      entry = undefined;
    }
  }
  if (entry) process.env[INHERITED] = entry;
  if (entry && existsSync(entry)) {
    await import(pathToFileURL(entry).href);
    return;
  }
  // No build (esbuild missing, a read-only install): the sources through tsx, slower but the same CLI.
  const { register } = await import('tsx/esm/api');
  register();
  await import('../grading/cli/main.ts');
}

await main();
