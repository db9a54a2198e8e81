// Measures what the sandbox adds to a program start: the same prepared program started bare and inside bubblewrap,
// alternately in one process, so that the machine's load weighs on both alike.
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa } from 'execa';
import { prepareProgram } from '../harness/prepare-program.ts';
import { sandboxLaunch } from '../harness/sandbox/bwrap-args.ts';
import { sandboxSupport } from '../harness/sandbox/support.ts';
import { busyCoreSeconds } from './busy-cpu.ts';

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timeOne(command: string, args: string[], cwd: string): Promise<number> {
  const started = process.hrtime.bigint();
  await execa(command, args, { cwd });
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/**
 * Median milliseconds from start to exit of a trivial TypeScript program, bare and sandboxed, and the machine's CPU
 * milliseconds a sandboxed start costs (`cpuMs`, Linux); only a reason without bwrap.
 */
export async function measureSandboxStart(runs = 21) {
  const support = sandboxSupport();
  if (!support.available) return { reason: support.reason };
  const root = await mkdtemp(path.join(os.tmpdir(), 'socklab-bench-sandbox-'));
  // An exercise folder as a checkout makes it (0755): mkdtemp's 0700 would hide it from the program's own user id.
  const dir = path.join(root, 'hello');
  try {
    await mkdir(dir, { mode: 0o755 });
    await writeFile(path.join(dir, 'hello.ts'), "const n: number = 1;\nconsole.log(`hello ${n}`);\n");
    const prepared = await prepareProgram(dir, 'hello', path.join(root, 'build'));
    if ('error' in prepared) throw new Error(prepared.error.summary);
    const sandboxed = sandboxLaunch(prepared.command, prepared.args, prepared.cwd, prepared.readable);
    const bare: number[] = [];
    const inside: number[] = [];
    await timeOne(sandboxed.command, sandboxed.args, prepared.cwd); // warm the caches of both paths once
    for (let i = 0; i < runs; i++) {
      bare.push(await timeOne(prepared.command, prepared.args, prepared.cwd));
      inside.push(await timeOne(sandboxed.command, sandboxed.args, prepared.cwd));
    }
    // The CPU a sandboxed start costs the whole machine (the kernel's namespace work included), one start after the
    // other; the pause after the last lets the kernel finish tearing down. What the machine does meanwhile anyway is
    // taken out: its busy time over a second just before, at that rate.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1000));
    const quietStart = busyCoreSeconds();
    await pause();
    const before = busyCoreSeconds();
    const started = performance.now();
    for (let i = 0; i < runs; i++) spawnSync(sandboxed.command, sandboxed.args, { cwd: prepared.cwd, stdio: 'ignore' });
    await pause();
    const after = busyCoreSeconds();
    const background = before === undefined || quietStart === undefined ? 0 : (before - quietStart) * ((performance.now() - started) / 1000);
    const cpuMs = before === undefined || after === undefined ? undefined : ((after - before - background) * 1000) / runs;
    return { runs, bare: median(bare), sandboxed: median(inside), ratio: median(inside) / median(bare), cpuMs };
  } finally {
    await rm(root, { recursive: true, force: true });
  }
}
