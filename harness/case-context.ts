// Everything one case uses, with teardown registered as it is acquired: when the case ends, nothing survives it.
import type { CaseContext, StartOptions, Started } from './case-api.ts';
import { CannotJudge, GradingFailure, KitError } from './failure.ts';
import { fillArguments, launch } from './launcher.ts';
import { HttpConnection } from './http/index.ts';
import { freePort } from './ports.ts';
import { Random, caseSeed } from './random.ts';
import type { Launchable, RunningProgram } from './running-program.ts';
import { shellWord } from './shell-quote.ts';
import type { RunSettings } from './run-settings.ts';
import { TcpConnection } from './tcp-connection.ts';
import { timeoutScale } from './timeouts.ts';
import { Transcript } from './transcript.ts';
import {
  TcpServerPeer, UdpServerPeer, startPeer, type PeerPlan, type PeerTable, type StartedPeer, type TcpSession, type UdpSession,
} from './transport/index.ts';
import { UdpSocket } from './udp-socket.ts';

/** One running case: the CaseContext its body sees, and what the case wrapper reads when it ends. */
export class CaseRun implements CaseContext {
  readonly transcript: Transcript;
  readonly random: Random;
  readonly programs: RunningProgram[] = [];
  private readonly started = new Map<string, RunningProgram>();
  /** "How to start it by hand" lines for the servers this case started. */
  readonly startLines: string[] = [];
  private readonly teardown: Array<() => unknown> = [];
  /** Set once the case has ended: a body still running past its deadline must not start what nobody will stop. */
  private ended = false;

  constructor(readonly exercise: string, readonly caseId: string, readonly run: RunSettings) {
    this.random = new Random(caseSeed(run.seed, caseId));
    this.transcript = new Transcript();
  }

  /** Registers cleanup work, run in reverse order when the case ends, pass or fail; at once if it has ended already. */
  defer(work: () => unknown): void {
    if (this.ended) {
      void (async () => work())().catch(() => { /* cleanup must go on */ });
      return;
    }
    this.teardown.push(work);
  }

  async cleanup(): Promise<void> {
    this.ended = true;
    for (const work of this.teardown.splice(0).reverse()) {
      try { await work(); } catch { /* cleanup must go on */ }
    }
  }

  /**
   * The command that starts a role by hand, as a student would type it. `socklab run` knows only --port (and
   * --target); the program's other options go after `--`, quoted for the shell where they need it.
   */
  runCommand(role: string, args: Array<string | number> = []): string {
    const words = args.map(String);
    const port = words.indexOf('--port');
    const own = port >= 0 && !words.includes('--') ? words.splice(port, 2) : [];
    const program = words.length > 0 && !words.includes('--') ? ['--', ...words] : words;
    const extra = [...own, ...program].map((word) => ` ${shellWord(word)}`).join('');
    return `npx socklab run ${this.exercise} ${role}${this.run.targetOption}${extra}`;
  }

  /** Starts the student's program for `role`; servers get a free port and are waited for until they listen. */
  async start(role: string, options: StartOptions = {}): Promise<Started> {
    const prepared = this.run.programs[this.exercise]?.[role];
    if (!prepared) throw new KitError(`kit error: role ${role} of ${this.exercise} was not prepared`);
    if ('error' in prepared) {
      throw new CannotJudge({
        summary: `not run: ${prepared.error.summary}`,
        cause: `not run: ${prepared.error.summary}`,
        hint: 'The whole problem is shown once, above the cases of this exercise.',
      });
    }
    return this.launch(role, prepared, options, true);
  }

  /**
   * Starts the kit's own reference solution for `role` (solutions/<id>/), for cases that compare the student's
   * program with it. It is not the student's: it gets no start line and is not described as "your program".
   */
  async startReference(role: string, options: StartOptions = {}): Promise<Started> {
    const prepared = this.run.references?.[this.exercise]?.[role];
    if (!prepared || 'error' in prepared) {
      throw new CannotJudge({
        summary: `not run: this copy of the kit has no reference ${role} for ${this.exercise} to compare with` +
          (prepared && 'error' in prepared ? ` (${prepared.error.summary})` : ''),
        hint: 'This case compares your program with the kit\'s reference solution, which only instructors have.',
      });
    }
    return this.launch(role, prepared, options, false);
  }

  private async launch(role: string, prepared: Launchable, options: StartOptions, students: boolean): Promise<Started> {
    const spec = this.run.manifests[this.exercise]?.roles[role];
    if (!spec) throw new KitError(`kit error: exercise ${this.exercise} has no role ${role}`);
    const port = Number(options.vars?.port ?? (spec.kind === 'server' ? await freePort(spec.transport) : 0));
    const vars: Record<string, string | number> = { host: '127.0.0.1', ...options.vars, port };
    const args = fillArguments(spec.args, vars, (name) => new KitError(`kit error: no value for {${name}} in the ${role} arguments`));
    if (students && spec.kind === 'server') {
      this.transcript.legend = `C: the grader, S: your ${role}`;
      this.startLines.push(`${this.runCommand(role, ['--port', port])}   # in one terminal`);
    } else if (students) {
      this.transcript.legend = `C: your ${role}, S: the grader`;
    }
    const program = await launch(prepared, {
      args: [...args, ...(options.args ?? [])],
      stdin: options.stdin,
      readable: options.readable,
      listen: spec.kind === 'server' ? { port, transport: spec.transport } : undefined,
      started: (running) => {
        if (students) { this.programs.push(running); this.started.set(role, running); }
        this.defer(() => running.stop());
      },
    });
    // Started after its case ended, the program is being stopped; that it came up meanwhile must not pass for a start.
    if (this.ended) {
      throw new GradingFailure({
        summary: `your ${role} was started after its case had ended (past its deadline), so it was stopped at once`,
        hint: 'The case took longer than its deadline; the transcript shows what it was waiting for.',
      });
    }
    return { program, port };
  }

  /** A TCP connection from the grader to 127.0.0.1:port. */
  async connect(port: number, label = ''): Promise<TcpConnection> {
    const connection = await TcpConnection.open(port, this.transcript, label);
    this.defer(() => connection.destroy());
    return connection;
  }

  /** An HTTP connection from the grader to 127.0.0.1:port, recorded in `transcript` (the case's by default). */
  async http(port: number, options: { label?: string; transcript?: Transcript } = {}): Promise<HttpConnection> {
    const connection = await HttpConnection.open(port, options.transcript ?? this.transcript, options.label);
    this.defer(() => connection.destroy());
    return connection;
  }

  /** The student's program last started for `role`. */
  studentProgram(role: string): RunningProgram | undefined {
    return this.started.get(role);
  }

  /** A UDP socket of the grader's. */
  async udpSocket(label = ''): Promise<UdpSocket> {
    const socket = await UdpSocket.open(this.transcript, label);
    this.defer(() => socket.close());
    return socket;
  }

  /**
   * The grader's peer for this client case, as the exercise's peer table declares it (the same one `socklab serve
   * <exercise> --case <id>` starts), on a port free for TCP and UDP.
   */
  async peer<P extends PeerPlan>(table: PeerTable<P>): Promise<StartedPeer<P>> {
    if (!table.cases[this.caseId]) throw new KitError(`kit error: the peer table of ${this.exercise} has no entry for case ${this.caseId}`);
    const peer = await startPeer(table, this.caseId, this.run.seed, this.transcript);
    this.defer(() => peer.close());
    return peer;
  }

  /** The line that starts this case's peer by hand on `port`, as `peer(table)` started it. */
  serveCommand(port: number): string {
    const scale = timeoutScale() === 1 ? '' : ` --timeout-scale ${timeoutScale()}`;
    return `npx socklab serve ${this.exercise} --case ${this.caseId} --seed ${this.run.seed} --port ${port}${scale}`;
  }

  /** A one-off scripted TCP server (a session per connection) that `socklab serve` cannot start: prefer `peer`. */
  async tcpPeer(session: TcpSession): Promise<TcpServerPeer> {
    const peer = await TcpServerPeer.start(await freePort('tcp'), this.transcript, session);
    this.defer(() => peer.close());
    return peer;
  }

  /** A one-off scripted UDP server (a session per datagram) that `socklab serve` cannot start: prefer `peer`. */
  async udpPeer(session: UdpSession): Promise<UdpServerPeer> {
    const peer = await UdpServerPeer.start(await freePort('udp'), this.transcript, session);
    this.defer(() => peer.close());
    return peer;
  }

  /** A port with nothing listening on it (for "connection refused" cases). */
  freePort(transport: 'tcp' | 'udp' = 'tcp'): Promise<number> {
    return freePort(transport);
  }
}
