// Runs repro lines as a student pastes them: the start line in one terminal (a server of the target, or the
// grader's own peer via `socklab serve`), the rest in another, with `npx socklab` meaning this kit.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { kitRoot } from '../../grader/kit-paths.ts';
import { checkListening } from '../../../harness/readiness.ts';
import { stopGroup } from '../../../harness/process-group.ts';
import { socklabBin } from '../grade-cli.ts';

/** `npx socklab run <exercise> server … --port N`: the target's server, started by hand. */
export const SERVER_LINE = /npx socklab run (\S+) server\b.*--port (\d+)/;
/** `npx socklab serve <exercise> --case … --port N`: the grader's peer for a client case. */
export const SERVE_LINE = /npx socklab serve (\S+) .*--port (\d+)/;
/** `npx socklab run <exercise> <role>` for any other role: the student's command (a client, a calculator). */
export const PROGRAM_LINE = /npx socklab run (\S+) (?!server\b)\S+/;

const HAND_LIMIT_MS = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A line as the shell should run it: its trailing comment off, `npx socklab` this kit, `--target` the given one. */
export function asRun(line: string, target: string): string {
  const bare = line.replace(/\s+#[^'"]*$/, '');
  if (!/npx socklab run /.test(bare)) return bare.replaceAll('npx socklab', `${process.execPath} ${socklabBin}`);
  return bare.replaceAll('npx socklab', `${process.execPath} ${socklabBin}`).replace(/ --target \S+/, ` --target ${target}`);
}

/** What a pasted script showed: everything it printed, its exit code, and whether it had to be stopped. */
export interface Pasted { printed: string; exitCode?: number; hung: boolean }

/** Runs lines as one pasted script, stopped (and marked hung) after HAND_LIMIT_MS, as a student would press Ctrl-C. */
export async function paste(lines: string[], target: string): Promise<Pasted> {
  const script = lines.map((line) => asRun(line, target)).join('\n');
  // a folder of its own, as a student's terminal would be: lines may make files there (printf … > peers.csv)
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'socklab-by-hand-'));
  const child = execa('sh', ['-c', script], { detached: true, reject: false, stdin: 'ignore', all: true, stripFinalNewline: false, cwd, env: { NO_COLOR: '1' } });
  let hung = false;
  const timer = setTimeout(() => { hung = true; void stopGroup(child.pid!, 0); }, HAND_LIMIT_MS);
  const result = await child;
  clearTimeout(timer);
  await rm(cwd, { recursive: true, force: true });
  // the kit's own "started … (pid N)" line and the target's path differ from run to run, not the program's behaviour
  const printed = String(result.all ?? '').replace(/^\[socklab\] started .*\n/gm, '').replaceAll(target, '<target>').replaceAll(cwd, '<here>');
  return { printed, exitCode: hung ? undefined : result.exitCode, hung };
}

/** A start line running in its own process group: what it printed so far, and how to stop it. */
export interface Started { port: number; output: () => string; stop: () => Promise<void> }

/** Starts the server line (the target's server, or `socklab serve`) and waits until its port answers. */
export async function startLine(line: string, target: string): Promise<Started> {
  const serve = SERVE_LINE.exec(line);
  const [, exercise, port] = serve ?? SERVER_LINE.exec(line)!;
  const child: ResultPromise = execa('sh', ['-c', asRun(line, target)], { detached: true, reject: false, stdin: 'ignore', cwd: kitRoot, env: { NO_COLOR: '1' } });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => { stdout += chunk.toString(); });
  child.stderr!.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  const transport = exercise === 'udp-uppercase' && !serve ? 'udp' : 'tcp';
  const ready = async () => serve ? stderr.includes(`listening on 127.0.0.1:${port}`) : (await checkListening(Number(port), transport)) === 'ready';
  for (let waited = 0; waited < 30_000 && !(await ready()); waited += 100) await sleep(100);
  return {
    port: Number(port),
    output: () => stdout,
    stop: async () => { await stopGroup(child.pid!, 2000); await child; },
  };
}

/** Whether the target's server still answers on its port (a crash shows as "down" after the lines). */
export async function stillUp(port: number, exercise: string): Promise<boolean> {
  await sleep(300);
  return (await checkListening(port, exercise === 'udp-uppercase' ? 'udp' : 'tcp')) === 'ready';
}
