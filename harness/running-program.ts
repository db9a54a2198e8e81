// One started student program: its own process group, drained and capped output, a hard time limit, a clean stop.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import path from 'node:path';
import { crashHeadline, tailKeepingStudentFrame } from './crash-report.ts';
import { programEnvironment } from './environment.ts';
import { CannotJudge } from './failure.ts';
import { OutputCapture } from './output-capture.ts';
import { watchMemory } from './memory-watch.ts';
import { busyMachineCredit, MACHINE_WAIT_CAP, noteGivenBack } from './machine-wait.ts';
import { livingMembers, signalGroup, stopGroup, trackGroup, untrackGroup } from './process-group.ts';
import type { PreparedProgram } from './prepare-program.ts';
import { logProgramStart } from './start-log.ts';
import { timeout } from './timeouts.ts';
import { sandboxLaunch } from './sandbox/bwrap-args.ts';
import { programExitStatus } from './sandbox/exit-status.ts';
import { limitNotes } from './sandbox/limits.ts';
import { childrenListed, descendants } from './sandbox/members.ts';

export type Launchable = Extract<PreparedProgram, { command: string }>;

export interface ExitStatus { code: number | null; signal: string | null }

export interface LaunchOptions {
  /** Arguments after the program's own file. */
  args: string[];
  /** Bytes written to stdin, which is then closed; without it stdin stays open for `writeStdin`. */
  stdin?: string | Uint8Array;
  /** The program is stopped after this long whatever it is doing (default: a whole case; 0: never). */
  lifetimeMs?: number;
  /** Called with each chunk of output as it arrives (`socklab run` shows it live). */
  onOutput?: (stream: 'stdout' | 'stderr', chunk: Buffer) => void;
  /** Folders the program may also read inside the sandbox (a fixture around its --root, where a traversal leads). */
  readable?: string[];
}

const MiB = 1024 * 1024;
const STDOUT_LIMITS = { head: 16 * MiB, tail: 16 * 1024, flood: 64 * MiB };
const STDERR_LIMITS = { head: 64 * 1024, tail: 16 * 1024, flood: 64 * MiB };

/** Describes an exit the way a student would say it. */
export function describeExit(status: ExitStatus): string {
  return status.signal ? `was killed by signal ${status.signal}` : `exited with code ${status.code}`;
}

/** A student program started by the harness; `stop()` leaves no process of its group behind. */
export class RunningProgram {
  readonly stdout: OutputCapture;
  readonly stderr: OutputCapture;
  readonly exited: Promise<ExitStatus>;
  exitStatus: ExitStatus | undefined;
  /** Why the harness stopped it early, when it did (a flood, the time limit). */
  stoppedBecause: string | undefined;
  readonly pid: number;
  /** Whether it runs inside the bubblewrap sandbox (harness/sandbox/); `pid` is then bwrap's. */
  readonly sandboxed: boolean;
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly lifetime: NodeJS.Timeout | undefined;
  private readonly stopWatchingMemory: () => void;

  constructor(readonly prepared: Launchable, readonly options: LaunchOptions) {
    const launch = sandboxLaunch(prepared.command, [...prepared.args, ...options.args], prepared.cwd,
      [...(prepared.readable ?? []), ...(options.readable ?? [])]);
    this.sandboxed = launch.sandboxed;
    // Not the program's fault, and not the kit's: this machine cannot run the command (python3 missing for a .py).
    const cannotStart = (why?: string) => new CannotJudge({
      summary: `could not start ${path.basename(prepared.file)}: the command ${prepared.command} could not be run${why ? ` (${why})` : ''}`,
      hint: `Is ${prepared.command} installed and on the PATH? Install it, or write the program in another language.`,
    });
    // node:child_process rather than execa, the kit's process library elsewhere: a test worker starts hundreds of
    // programs, and importing execa (about 150 ES modules) cost each worker 0.2 s of CPU before its first case.
    try {
      this.child = spawn(launch.command, launch.args, { cwd: prepared.cwd, env: programEnvironment(), detached: true, stdio: 'pipe' });
    } catch (error) {
      throw cannotStart((error as NodeJS.ErrnoException).code ?? (error as Error).message);
    }
    // A command that cannot start also emits 'error' (its missing pid tells at once, below); so may a failed kill.
    this.child.on('error', () => { /* explained by the missing pid, or by the exit status */ });
    if (this.child.pid === undefined) throw cannotStart();
    this.pid = this.child.pid;
    logProgramStart(prepared.file);
    trackGroup(this.pid);
    this.stdout = new OutputCapture(STDOUT_LIMITS, () => this.stopEarly('it wrote more than 64 MiB to stdout'));
    this.stderr = new OutputCapture(STDERR_LIMITS, () => this.stopEarly('it wrote more than 64 MiB to stderr'));
    this.stdout.attach(this.child.stdout);
    this.stderr.attach(this.child.stderr);
    const { onOutput } = options;
    if (onOutput) {
      this.child.stdout.on('data', (chunk: Buffer) => onOutput('stdout', chunk));
      this.child.stderr.on('data', (chunk: Buffer) => onOutput('stderr', chunk));
    }
    this.child.stdin.on('error', () => { /* the program closed its stdin: nothing to grade there */ });
    if (options.stdin !== undefined) this.child.stdin.end(options.stdin);
    // 'close': the program has exited and its output has all been read (an 'exit' can come before the last bytes).
    this.exited = new Promise<ExitStatus>((resolve) => this.child.once('close', (code, signal) => resolve({ code, signal }))).then((status) => {
      this.exitStatus = this.sandboxed ? programExitStatus(status.code, status.signal) : status;
      return this.exitStatus;
    });
    const measured = () => (this.sandboxed ? descendants(this.pid, true) : [this.pid]);
    this.stopWatchingMemory = watchMemory(measured, (reason) => this.stopEarly(reason));
    void this.exited.then(() => this.stopWatchingMemory());
    const lifetimeMs = options.lifetimeMs ?? timeout('case');
    this.lifetime = lifetimeMs > 0
      ? setTimeout(() => this.stopEarly(`it was still running after ${lifetimeMs} ms`), lifetimeMs)
      : undefined;
  }

  /** The file the student wrote, as they would name it. */
  get fileName(): string {
    return path.basename(this.prepared.file);
  }

  writeStdin(data: string | Uint8Array): void {
    this.child.stdin.write(data);
  }

  endStdin(): void {
    this.child.stdin.end();
  }

  /** The exit status, or undefined when the program is still running after `ms` (plus the time it, or the grader, waited for a core). */
  async waitForExit(ms: number, fairToBusyMachine = true): Promise<ExitStatus | undefined> {
    // The time the machine kept the program waiting for a core is given back (up to MACHINE_WAIT_CAP times the
    // deadline): a correct program on a busy machine still makes its deadline; a hung program waits for nothing.
    const credit = busyMachineCredit(() => this.processTree(), { grader: true });
    const started = Date.now();
    let deadline = started + ms;
    // What the wait used of its extension, for the failure message (nothing when it ended within `ms`).
    const ended = (status: ExitStatus | undefined) => { noteGivenBack(Math.min(Date.now(), deadline) - started - ms); return status; };
    for (;;) {
      const status = await this.exitedWithin(deadline - Date.now());
      if (status || !fairToBusyMachine) return ended(status);
      const extended = Math.min(started + ms + credit(), started + MACHINE_WAIT_CAP * ms);
      if (extended <= deadline + 10) return ended(undefined);
      deadline = extended;
    }
  }

  private async exitedWithin(ms: number): Promise<ExitStatus | undefined> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<undefined>((resolve) => { timer = setTimeout(() => resolve(undefined), Math.max(0, ms)); });
    try {
      return await Promise.race([this.exited, expired]);
    } finally {
      clearTimeout(timer);
    }
  }

  private stopEarly(reason: string): void {
    if (this.stoppedBecause) return;
    this.stoppedBecause = reason;
    void this.stop();
  }

  /** SIGTERM to the whole group, SIGKILL after the grace period; resolves when every member is gone. */
  async stop(): Promise<void> {
    clearTimeout(this.lifetime);
    this.stopWatchingMemory();
    if (this.sandboxed) await this.stopSandboxed();
    else await stopGroup(this.pid, timeout('stopGrace'));
    untrackGroup(this.pid);
    this.child.stdin.destroy();
    await this.waitForExit(timeout('stopGrace'), false);
  }

  /**
   * A sandboxed program runs under bubblewrap's init, in a PID namespace of its own: when the program exits, bwrap
   * exits, its init dies with it (`--die-with-parent`, harness/sandbox/bwrap-args.ts) and the kernel ends every other
   * process of the namespace a moment later. So the program's exit is all a stop waits for. Its group may list zombies
   * for a while (waiting for a reaper), and telling them from the living would read all of /proc at every stop.
   */
  private async stopSandboxed(): Promise<void> {
    if (this.exitStatus) return;
    signalGroup(this.pid, 'SIGTERM');
    if (await this.exitedWithin(timeout('stopGrace'))) return;
    signalGroup(this.pid, 'SIGKILL');
    await this.exitedWithin(2000);
  }

  /** Processes of this program's group still alive (the program itself and anything it started). */
  livingProcesses(): number[] {
    // A sandboxed program's detached children leave the group but not the sandbox (bwrap's descendants).
    if (this.sandboxed) return [...new Set([...livingMembers(this.pid), ...descendants(this.pid)])];
    return livingMembers(this.pid);
  }

  /**
   * The program's first process and its descendants, from a few /proc reads: what the busy-machine credit reads at
   * every deadline. livingProcesses() reads all of /proc, too much to repeat while cases wait side by side; the
   * credit misses nothing that matters by leaving out a process that left the tree (a sandbox keeps them in it).
   */
  processTree(): number[] {
    return childrenListed ? descendants(this.pid) : this.livingProcesses();
  }

  /** The error the program died of, when it exited after printing one (a stack trace, a Python traceback). */
  crash(): string | undefined {
    if (!this.exitStatus || this.stoppedBecause) return undefined;
    return crashHeadline(this.stderr.lastLines(200));
  }

  /** Lines for a failure message: whether the program exited, why it was stopped, its last stderr lines. */
  describeState(tailLines = 12): string[] {
    const out: string[] = [];
    const crash = this.crash();
    const state = this.exitStatus ? `${crash ? `crashed (${crash}) and ` : ''}${describeExit(this.exitStatus)}` : 'was still running';
    out.push(`${this.fileName} (pid ${this.pid}) ${state}${this.stoppedBecause ? `: the grader stopped it because ${this.stoppedBecause}` : ''}`);
    const tail = tailKeepingStudentFrame(this.stderr.lastLines(200), [this.fileName + ':', `${this.fileName}", line`, this.prepared.cwd + path.sep], tailLines);
    if (tail.length === 0) out.push('it wrote nothing to stderr');
    else out.push(`last lines of its stderr (${this.stderr.total} bytes in all):`, ...tail.map((line) => `  [your_program] ${line}`));
    if (this.sandboxed) out.push(...limitNotes(this.stderr.lastLines(50).join('\n')));
    // A flood on stdout (or a lot of output) is often the cause itself: show what it was printing over and over.
    if (this.stdout.flooded || this.stdout.total > MiB) {
      const cut = (line: string) => (line.length > 160 ? `${line.slice(0, 160)}… (${line.length} chars)` : line);
      out.push(`it wrote ${(this.stdout.total / MiB).toFixed(1)} MiB to stdout (${this.stdout.total} bytes); the last lines:`,
        ...this.stdout.lastLines(3).map((line) => `  [your_program] ${cut(line)}`));
    }
    return out;
  }
}
