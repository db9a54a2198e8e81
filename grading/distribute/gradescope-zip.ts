// Builds a Gradescope autograder zip: setup.sh, run_autograder, their settings, and the instructor's whole kit.
import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { zipSync, type Zippable } from 'fflate';
import { kitRoot } from '../grader/kit-paths.ts';
import { renderGradescopeKitFailure } from '../writers/gradescope.ts';
import { runAutograderScript, setupScript } from './gradescope-scripts.ts';

/** Left out of the zip: installed by setup.sh, or of no use on Gradescope. */
const SKIPPED = /^(node_modules|\.git|\.socklab|reports?|.*\.log|report\.json)$/;

export interface AutograderSettings { exercises: string[]; seed: number; sandboxOption: string }

const executable = (text: string): [Uint8Array, { attrs: number; os: number }] => [new TextEncoder().encode(text), { os: 3, attrs: 0o100755 << 16 }];

function addKit(into: Zippable, dir: string, prefix: string): void {
  for (const name of readdirSync(dir)) {
    if (SKIPPED.test(name)) continue;
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) addKit(into, file, `${prefix}${name}/`);
    else into[`${prefix}${name}`] = new Uint8Array(readFileSync(file));
  }
}

/**
 * Writes the zip to `out`; returns the settings it holds. The kit goes whole (the hidden cases need solutions/).
 * Gradescope runs as root with bubblewrap installed by setup.sh, so grading refuses to go on without the sandbox;
 * `sandboxOptional` is for an image where bubblewrap cannot run: grading then goes on unconfined (docs/gradescope.md).
 */
export async function buildAutograderZip(out: string, exercises: string[], seed = randomInt(0, 2 ** 31 - 1), sandboxOptional = false): Promise<AutograderSettings> {
  const settings: AutograderSettings = { exercises, seed, sandboxOption: sandboxOptional ? '' : '--require-sandbox' };
  const files: Zippable = {
    'setup.sh': executable(setupScript()),
    run_autograder: executable(runAutograderScript()),
    'socklab-autograder.json': new TextEncoder().encode(JSON.stringify(settings, null, 2) + '\n'),
    'kit-failure.json': new TextEncoder().encode(renderGradescopeKitFailure()),
  };
  addKit(files, kitRoot, 'socklab/');
  await writeFile(out, zipSync(files, { level: 6 }));
  return settings;
}
