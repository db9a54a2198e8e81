// Measures the grader's own fixed cost for one case (`socklab test <id> --case <one>`): the wall time of the run
// minus the case's own duration, as a ratio to a bare `node -e 0` start measured in the same run.
import path from 'node:path';
import { execa } from 'execa';
import { kitRoot, solutionsDir } from '../grading/grader/kit-paths.ts';
import type { Report } from '../grading/grader/report.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const bin = path.join(kitRoot, 'bin', 'socklab.js');

/** The exercise and case graded: a fast server case, so that the run is mostly the grader's own start. */
export const ONE_CASE = { exercise: 'udp-uppercase', id: 'server-empty-datagram' };

async function bareNode(): Promise<number> {
  const started = process.hrtime.bigint();
  await execa(process.execPath, ['-e', '0']);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function oneCase(): Promise<number> {
  const started = process.hrtime.bigint();
  const result = await execa(process.execPath, [bin, 'grade', ONE_CASE.exercise, '--case', ONE_CASE.id, '--target', solutionsDir, '--format', 'json']);
  const wall = Number(process.hrtime.bigint() - started) / 1e6;
  const report = JSON.parse(result.stdout) as Report;
  return wall - report.exercises[0].tests.reduce((sum, test) => sum + test.durationMs, 0);
}

/** Median fixed cost of one case and median bare node start, interleaved so that both see the same load. */
export async function measureOneCase(runs = 5) {
  const fixed: number[] = [];
  const bare: number[] = [];
  for (let i = 0; i < runs; i++) {
    bare.push(await bareNode());
    fixed.push(await oneCase());
    bare.push(await bareNode());
  }
  return { runs, fixedMs: median(fixed), bareNodeMs: median(bare), ratio: median(fixed) / median(bare) };
}
