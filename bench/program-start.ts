// Measures what one program start costs the grader: a prepared TypeScript program against a bare `node` start.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { prepareProgram } from '../harness/prepare-program.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeRuns(command: string, args: string[], runs: number): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = process.hrtime.bigint();
    await execa(command, args);
    samples.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return median(samples);
}

/** Median milliseconds to start and end: bare node, a TypeScript program as the grader runs it, and tsx. */
export async function measureProgramStart(runs = 15) {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'socklab-bench-'));
  try {
    const file = path.join(dir, 'hello.ts');
    await writeFile(file, "import { parseArgs } from 'node:util';\nconst n: number = 1;\nconsole.log(parseArgs({ args: [], strict: false }) && n);\n");
    const compileStarted = process.hrtime.bigint();
    const prepared = await prepareProgram(dir, 'hello', path.join(dir, 'build'));
    const compileMs = Number(process.hrtime.bigint() - compileStarted) / 1e6;
    if ('error' in prepared) throw new Error(prepared.error.summary);
    const bareNode = await timeRuns(process.execPath, ['-e', '0'], runs);
    const prepared_ = await timeRuns(prepared.command, prepared.args, runs);
    const tsx = await timeRuns(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), file], Math.min(runs, 7));
    return { runs, compileMs, bareNode, prepared: prepared_, tsx };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
