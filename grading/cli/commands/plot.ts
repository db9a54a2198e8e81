// `socklab plot <exercise> --out FILE.svg`: draws an exercise's figure from the target's own program (today only
// p2p-distribution has one: the textbook's figure 2.23).
import { existsSync, statSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from '../../grader/kit-error.ts';
import { plotP2pDistribution, type PlotResult } from '../../plots/p2p-distribution.ts';
import { applyTimeoutScale, parseOptions, resolveTarget } from '../options.ts';

/** The exercises that have a figure, and how to draw it from a target folder. */
const FIGURES: Record<string, (target: string) => Promise<PlotResult>> = {
  'p2p-distribution': plotP2pDistribution,
};

export async function plotCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('plot', args, {
    target: { type: 'string' }, out: { type: 'string' }, 'timeout-scale': { type: 'string' },
  });
  const names = Object.keys(FIGURES).join(', ');
  if (positionals.length !== 1) throw new UsageError(`socklab plot: name one exercise (${names}), e.g. \`npx socklab plot p2p-distribution --out figure.svg\``);
  const [id] = positionals;
  const plot = FIGURES[id];
  if (!plot) throw new UsageError(`socklab plot: ${id} has no figure; the exercises with one are: ${names}`);
  const out = values.out;
  if (out === undefined) throw new UsageError('socklab plot: --out FILE.svg is required (where to write the figure)');
  const folder = path.dirname(path.resolve(out));
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(`socklab plot: --out ${out}: the folder ${folder} does not exist`);
  const { target } = resolveTarget('plot', values.target);
  applyTimeoutScale('plot', values['timeout-scale']);

  const result = await plot(target);
  if ('problem' in result) {
    console.error(`[socklab] no figure: ${result.problem.join('\n')}`);
    return 1;
  }
  await writeFile(out, result.svg);
  for (const note of result.notes) console.error(`[socklab] ${note}`);
  console.error(`[socklab] figure written to ${out}`);
  return 0;
}
