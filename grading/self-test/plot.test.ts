// `socklab plot p2p-distribution` draws textbook figure 2.23 from a target's own program: a well-formed SVG with the
// two curves, the reference's dashed beside a student's that differ, and a clear refusal when there is nothing to draw.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { exercisesDir, kitRoot, solutionsDir } from '../grader/kit-paths.ts';
import { socklab } from './grade-cli.ts';
import { loadMutants, writeMutantTarget } from './mutant-target.ts';

const EXERCISE = 'p2p-distribution';
const FIGURE = path.join(kitRoot, 'docs', 'figures', `${EXERCISE}.svg`);
let scratch: string;
beforeAll(async () => { scratch = await mkdtemp(path.join(os.tmpdir(), 'socklab-plot-test-')); });
afterAll(async () => { await rm(scratch, { recursive: true, force: true }); });

interface Drawing { texts: string[]; curves: Array<{ stroke: string; dashed: boolean }> }

/** The SVG's texts and its curves (paths of many segments: axes, grid lines and legend icons have a few). */
function readDrawing(svg: string): Drawing {
  expect(XMLValidator.validate(svg), 'the SVG is not well-formed XML').toBe(true);
  const drawing: Drawing = { texts: [], curves: [] };
  const visit = (node: unknown, name: string): void => {
    if (Array.isArray(node)) { node.forEach((item) => visit(item, name)); return; }
    if (typeof node !== 'object' || node === null) return;
    const element = node as Record<string, unknown>;
    if (name === 'text') drawing.texts.push(String(element['#text'] ?? ''));
    if (name === 'path' && (String(element.d ?? '').match(/[LC]/g) ?? []).length >= 50) {
      drawing.curves.push({ stroke: String(element.stroke), dashed: element['stroke-dasharray'] !== undefined });
    }
    for (const [key, child] of Object.entries(element)) if (!key.startsWith('#') && typeof child === 'object') visit(child, key);
  };
  visit(new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(svg), '');
  return drawing;
}

async function plot(target: string, name: string) {
  const out = path.join(scratch, `${name}.svg`);
  const result = await socklab(['plot', EXERCISE, '--target', target, '--out', out], { timeout: 120_000 });
  return { ...result, stderr: String(result.stderr), svg: existsSync(out) ? await readFile(out, 'utf8') : undefined };
}

describe('socklab plot p2p-distribution', () => {
  test('the reference solution: a well-formed SVG with the two curves, titled and labelled; the README shows it', async () => {
    const result = await plot(solutionsDir, 'reference');
    expect(result.exitCode, result.stderr).toBe(0);
    const drawing = readDrawing(result.svg!);
    expect(drawing.curves).toHaveLength(2);
    expect(drawing.curves.every((curve) => !curve.dashed)).toBe(true);
    expect(drawing.texts).toEqual(expect.arrayContaining(['client-server', 'P2P', 'N (number of peers)', 'minimum distribution time (hours)']));
    expect(drawing.texts.some((text) => text.includes('figure 2.23'))).toBe(true);
    expect(result.svg, `the README's figure, docs/figures/${EXERCISE}.svg, is out of date: ` +
      `npx socklab plot ${EXERCISE} --target solutions --out docs/figures/${EXERCISE}.svg`).toBe(await readFile(FIGURE, 'utf8'));
  }, 120_000);

  test('a student\'s curves that differ are drawn beside the reference\'s, which are dashed', async () => {
    const target = path.join(scratch, 'mutant');
    const mutants = await loadMutants(EXERCISE);
    await writeMutantTarget(EXERCISE, 'p2p-missing-aggregate-term', mutants['p2p-missing-aggregate-term'], target);
    const result = await plot(target, 'mutant');
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/differ from the reference's \(first at N = 2: P2P/);
    const drawing = readDrawing(result.svg!);
    expect(drawing.curves).toHaveLength(4);
    expect(drawing.curves.filter((curve) => curve.dashed)).toHaveLength(2);
    expect(drawing.texts).toEqual(expect.arrayContaining(['client-server (your calc)', 'P2P (your calc)', 'client-server (reference)', 'P2P (reference)']));
  }, 120_000);

  test('the skeleton: no figure, exit 1, and the program\'s own message', async () => {
    const result = await plot(exercisesDir, 'skeleton');
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toMatch(/no figure: your calc exited with code 1/);
    expect(result.stderr).toMatch(/not written yet/);
    expect(result.svg).toBeUndefined();
  }, 120_000);

  test.each([
    [['plot', EXERCISE], /--out FILE.svg is required/],
    [['plot', 'udp-uppercase', '--out', 'x.svg'], /udp-uppercase has no figure; the exercises with one are: p2p-distribution/],
    [['plot', EXERCISE, '--out', 'no/such/dir/figure.svg'], /--out no\/such\/dir\/figure.svg: the folder .* does not exist/],
  ])('socklab %j is a usage error (exit 2)', async (args, pattern) => {
    const result = await socklab(args);
    expect(result.exitCode).toBe(2);
    expect(String(result.stderr)).toMatch(pattern);
  });
});
