// `socklab serve` starts the grader's own peer for a client case: a client case's repro lines, run as printed (the
// reference client against it), give the exchange the case saw, and the peer prints it as it happens.
import { execa, type ResultPromise } from 'execa';
import { expect, test } from 'vitest';
import { solutionsDir } from '../grader/kit-paths.ts';
import { socklabBin } from './grade-cli.ts';

const env = { NO_COLOR: '1' };

/** Starts `socklab serve …` and resolves once it says where it listens; `output()` is what it printed on stdout. */
async function serve(args: string[]): Promise<{ port: number; run: ResultPromise; output: () => string }> {
  const run = execa(process.execPath, [socklabBin, 'serve', ...args], { reject: false, env });
  let stdout = '';
  let stderr = '';
  run.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  const port = await new Promise<number>((resolve, reject) => {
    run.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const found = /listening on 127\.0\.0\.1:(\d+)/.exec(stderr);
      if (found) resolve(Number(found[1]));
    });
    void run.then(() => reject(new Error(`socklab serve ended early:\n${stderr}`)));
  });
  return { port, run, output: () => stdout };
}

/** The reference client, started as a repro line starts it. */
const client = (exercise: string, port: number, input: string) =>
  execa(process.execPath, [socklabBin, 'run', exercise, 'client', '--target', solutionsDir, '--port', String(port)], { input, reject: false, env });

test('tcp-uppercase: the default peer answers each line, marked, and prints both sides', async () => {
  const { port, run, output } = await serve(['tcp-uppercase', '--seed', '1']);
  try {
    const result = await client('tcp-uppercase', port, 'hello\nworld\n');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('HELLO (answer 1)\nWORLD (answer 2)');
    expect(output()).toMatch(/C: hello[\s\S]*S: HELLO \(answer 1\)/);
  } finally {
    run.kill('SIGINT');
  }
  expect((await run).exitCode).toBe(0);
}, 120_000);

test('tcp-uppercase --case client-connection-reset: the peer resets, as in the case', async () => {
  const { port, run, output } = await serve(['tcp-uppercase', '--case', 'client-connection-reset', '--seed', '1']);
  try {
    const result = await client('tcp-uppercase', port, 'first\nsecond\n');
    expect(result.exitCode).toBe(1);
    expect(output()).toContain('server reset the connection (RST)');
  } finally {
    run.kill('SIGINT');
    await run;
  }
}, 120_000);

test('udp-uppercase --case client-waits-for-a-late-reply: the reply comes late, and comes', async () => {
  const { port, run, output } = await serve(['udp-uppercase', '--case', 'client-waits-for-a-late-reply', '--seed', '3']);
  try {
    const result = await client('udp-uppercase', port, 'take your time\n');
    expect(result.stdout).toBe('TAKE YOUR TIME (reply 7)');
    expect(output()).toMatch(/C: \[datagram from :\d+\] take your time[\s\S]*S: \[datagram to :\d+\] TAKE YOUR TIME \(reply 7\)/);
  } finally {
    run.kill('SIGINT');
    await run;
  }
}, 120_000);

test('bad input gets a clear usage error', async () => {
  const unknown = await execa(process.execPath, [socklabBin, 'serve', 'tcp-uppercase', '--case', 'no-such-case'], { reject: false, env });
  expect(unknown.exitCode).toBe(2);
  expect(unknown.stderr).toMatch(/no grader's server for case no-such-case[\s\S]*client-sends-lines-prints-answers/);
  const server = await execa(process.execPath, [socklabBin, 'serve', 'http-server'], { reject: false, env });
  expect(server.exitCode).toBe(2);
  expect(server.stderr).toMatch(/http-server has no client cases/);
}, 120_000);
