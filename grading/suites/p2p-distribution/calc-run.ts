// Runs the student's calc once: writes its files into a folder of the case's own, waits for it to exit, and knows
// how to show the run to a student (the command line and the lines that repeat it by hand).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import {
  expectExit, printfCommand, shellWord, timeout, withFailureContext, type CaseContext, type ExitStatus,
  type RunningProgram,
} from '../../../harness/index.ts';

export interface RunOptions {
  /** Files the command line names, by the name it uses: their text, or null for a file that must not exist. */
  files?: Record<string, string | null>;
  /** How long the program may take to exit (default: the kit's exit timeout). */
  withinMs?: number;
  /** Advice for a program that does not exit in time. */
  hint?: string;
}

/** One finished run of calc. */
export interface CalcRun {
  program: RunningProgram;
  status: ExitStatus;
  /** The command line as shown to the student (files by their short names). */
  args: string[];
  /** `calc --file-size …`, for failure messages. */
  command: string;
  /** Shell lines that create the files and run the same command through socklab. */
  repro: string[];
  stdout: string;
  stderr: string;
}

const folders = new WeakMap<CaseContext, Promise<string>>();

/** A temporary folder for this case's files, removed when the case ends. */
function caseFolder(t: CaseContext): Promise<string> {
  let folder = folders.get(t);
  if (!folder) {
    folder = mkdtemp(path.join(os.tmpdir(), 'socklab-p2p-'));
    folders.set(t, folder);
    t.defer(async () => rm(await folder!, { recursive: true, force: true }));
  }
  return folder;
}

/** Starts calc with `args`, waits until it exits, and returns what it did; a program that never exits fails. */
export async function runCalc(t: CaseContext, args: string[], options: RunOptions = {}): Promise<CalcRun> {
  const files = options.files ?? {};
  const repro: string[] = [];
  let realArgs = args;
  let folder: string | undefined;
  if (Object.keys(files).length > 0) {
    folder = await mkdtemp(path.join(await caseFolder(t), 'run-'));
    realArgs = args.map((arg) => (arg in files ? path.join(folder!, arg) : arg));
    for (const [name, text] of Object.entries(files)) {
      if (text === null) continue;
      await writeFile(path.join(folder, name), text);
      repro.push(`${printfCommand(text, 2000)} > ${name}`);
    }
  }
  // calc runs in its own folder, not the student's: a file made by hand is named by its full path there
  let line = t.runCommand('calc', args);
  for (const name of Object.keys(files)) line = line.replace(` ${shellWord(name)}`, ` "$PWD/${name}"`);
  repro.push(line);
  const command = `calc ${args.map(shellWord).join(' ')}`;
  const { program } = await t.start('calc', { args: realArgs, stdin: '' });
  // A case may run calc many times: a failure shows this run's state only.
  const status = await withFailureContext({ program }, () => expectExit(program, {
    withinMs: options.withinMs ?? timeout('exit'),
    what: `after ${command}`,
    hint: options.hint,
    repro,
  }));
  const stderr = program.stderr.head().toString('utf8');
  return {
    program, status, args, command, repro,
    stdout: program.stdout.head().toString('utf8'),
    // The student's program names the files by their temporary paths; the student knows them by their short names.
    stderr: folder ? stderr.replaceAll(folder + path.sep, '') : stderr,
  };
}
