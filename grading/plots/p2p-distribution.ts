// Textbook figure 2.23 drawn from a calc program's own answers: minimum distribution time against N, client-server
// and P2P, with the reference solution's curves dashed beside a student's wherever they differ.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { renderDetails } from '../../harness/failure.ts';
import { launch, prepareCopy } from '../../harness/launcher.ts';
import { describeExit } from '../../harness/running-program.ts';
import { timeout } from '../../harness/timeouts.ts';
import { solutionsDir } from '../grader/kit-paths.ts';
import { agrees } from '../models/p2p-distribution.ts';
import { renderLineChart, type LineSeries } from './line-chart.ts';

/** Figure 2.23's setting: F/u = 1 hour, u_s = 10u, d_min ≥ u_s. */
const SETTING = ['--file-size', '3.6Gbit', '--server-upload', '10Mbps', '--download', '10Mbps', '--upload', '1Mbps'];
const COUNTS = Array.from({ length: 1000 }, (_, i) => i + 1);
const HOUR = 3600;

interface Curves { clientServer: Array<[number, number]>; p2p: Array<[number, number]> }

/** What the plot command reports: the figure and remarks, or why there is no figure. */
export type PlotResult = { svg: string; notes: string[] } | { problem: string[] };

/** The time of each row as [N, hours], or a sentence saying what is wrong with the output. */
function readCurves(stdout: string): Curves | string {
  let rows: unknown;
  try {
    rows = (JSON.parse(stdout) as { rows?: unknown }).rows;
  } catch {
    return 'its output is not one JSON object';
  }
  if (!Array.isArray(rows)) return 'its JSON has no "rows" array';
  const curves: Curves = { clientServer: [], p2p: [] };
  for (const count of COUNTS) {
    const row = rows.find((candidate) => candidate?.peers === count);
    const cs = row?.clientServer?.seconds;
    const p2p = row?.p2p?.seconds;
    if (typeof cs !== 'number' || typeof p2p !== 'number') return `it has no row with both times for N = ${count}`;
    curves.clientServer.push([count, cs / HOUR]);
    curves.p2p.push([count, p2p / HOUR]);
  }
  return curves;
}

/** Runs the calc under `exerciseDir` once for N = 1…1000 (one --peers list) and reads its curves. */
async function runCalc(exerciseDir: string, who: string): Promise<Curves | string[]> {
  const copy = await prepareCopy(exerciseDir, 'calc');
  if ('error' in copy) return [`${who}: ${copy.error.summary}`, ...renderDetails(copy.error).slice(1)];
  const args = [...SETTING, '--peers', COUNTS.join(',')];
  const program = await launch(copy.prepared, { args, stdin: '' });
  try {
    const status = await program.waitForExit(timeout('exit'));
    const stderr = program.stderr.lastLines(5).map((line) => `  [your_program] ${line}`);
    const command = `calc ${SETTING.join(' ')} --peers 1,2,…,1000`;
    if (!status) return [`${who} did not exit within ${timeout('exit')} ms after ${command}`, ...stderr];
    if (status.code !== 0) return [`${who} ${describeExit(status)} after ${command}`, ...stderr];
    const curves = readCurves(program.stdout.head().toString('utf8'));
    return typeof curves === 'string' ? [`${who} ran, but ${curves}; \`npx socklab test p2p-distribution\` explains the contract's output`] : curves;
  } finally {
    await program.stop();
    await copy.dispose();
  }
}

/** The first N where two sets of curves disagree, described; undefined when they agree everywhere. */
function firstDifference(mine: Curves, reference: Curves): string | undefined {
  for (const [i, [count]] of mine.p2p.entries()) {
    for (const [kind, name] of [['clientServer', 'client-server'], ['p2p', 'P2P']] as const) {
      const [got, want] = [mine[kind][i][1], reference[kind][i][1]];
      if (!agrees(got, want)) return `first at N = ${count}: ${name} ${got} h where the reference says ${want} h`;
    }
  }
  return undefined;
}

const series = (curves: Curves, label: string, dashed: boolean): LineSeries[] => [
  { name: `client-server${label}`, points: curves.clientServer, color: dashed ? '#8fb3dc' : '#1f5fa8', dashed },
  { name: `P2P${label}`, points: curves.p2p, color: dashed ? '#eba39b' : '#c0392b', dashed },
];

/** Figure 2.23 from the calc program under target/p2p-distribution, beside the reference's when they differ. */
export async function plotP2pDistribution(target: string): Promise<PlotResult> {
  const isReference = path.resolve(target) === solutionsDir;
  const mine = await runCalc(path.join(target, 'p2p-distribution'), isReference ? 'the reference calc' : 'your calc');
  if (Array.isArray(mine)) return { problem: mine };
  const notes: string[] = [];
  let drawn = series(mine, '', false);
  const referenceDir = path.join(solutionsDir, 'p2p-distribution');
  if (!isReference && existsSync(referenceDir)) {
    const reference = await runCalc(referenceDir, 'the reference calc');
    if (Array.isArray(reference)) return { problem: reference };
    const difference = firstDifference(mine, reference);
    if (difference) {
      notes.push(`your curves differ from the reference's (${difference}); the reference's are dashed`);
      drawn = [...series(mine, ' (your calc)', false), ...series(reference, ' (reference)', true)];
    } else {
      notes.push('your curves are the reference\'s');
    }
  }
  const svg = renderLineChart({
    title: 'Minimum distribution time against the number of peers (textbook figure 2.23)',
    subtitle: 'F = 3.6 Gbit, u = 1 Mbps, u_s = 10 Mbps, d = 10 Mbps: F/u = 1 hour, u_s = 10u, d_min ≥ u_s; N = 1 to 1000',
    xName: 'N (number of peers)',
    yName: 'minimum distribution time (hours)',
    logarithmic: true,
    series: drawn,
  });
  return { svg, notes };
}
