// What a case body sees: the one interface the suites use to start programs, speak to them and play their peers.
import type { HttpConnection } from './http/index.ts';
import type { Random } from './random.ts';
import type { RunningProgram } from './running-program.ts';
import type { TcpConnection } from './tcp-connection.ts';
import type { Transcript } from './transcript.ts';
import type { PeerPlan, PeerTable, StartedPeer, TcpServerPeer, TcpSession, UdpServerPeer, UdpSession } from './transport/index.ts';
import type { UdpSocket } from './udp-socket.ts';

export interface StartOptions {
  /** Values for the placeholders of the role's argument template ({port} and {host} are filled in). */
  vars?: Record<string, string | number>;
  /** Arguments after the template's. */
  args?: string[];
  /** Bytes for stdin, which is then closed. */
  stdin?: string | Uint8Array;
  /**
   * Folders the program may also read inside the sandbox, beyond its own folder and the paths in its arguments:
   * the fixture around a web root, so that a traversal bug reaches the files it must not serve and can be caught.
   */
  readable?: string[];
}

/** A started program together with the port it was told to use. */
export interface Started { program: RunningProgram; port: number }

/** The tools of one running case; everything it acquires is released when the case ends, pass or fail. */
export interface CaseContext {
  readonly exercise: string;
  readonly caseId: string;
  /** Seeded per case from the run's seed: the only source of random inputs. */
  readonly random: Random;
  /** The case's record of the exchange, shown in its failure (add notes with `transcript.note`). */
  readonly transcript: Transcript;
  /** Starts the student's program for `role`; a server gets a free port and is waited for until it listens. */
  start(role: string, options?: StartOptions): Promise<Started>;
  /** Starts the kit's reference solution for `role`, for cases that compare with it (an `error` where it is missing). */
  startReference(role: string, options?: StartOptions): Promise<Started>;
  /** The student's program last started for `role`, to ask whether it is still running. */
  studentProgram(role: string): RunningProgram | undefined;
  /** The command a student types to start their program for `role` by hand. */
  runCommand(role: string, args?: Array<string | number>): string;
  /** The command that starts this case's peer by hand (`socklab serve`), on `port`. */
  serveCommand(port: number): string;
  /** A TCP connection from the grader to 127.0.0.1:port. */
  connect(port: number, label?: string): Promise<TcpConnection>;
  /** An HTTP connection from the grader; `transcript` records it apart from the case's own (a reference server's). */
  http(port: number, options?: { label?: string; transcript?: Transcript }): Promise<HttpConnection>;
  /** A UDP socket of the grader's. */
  udpSocket(label?: string): Promise<UdpSocket>;
  /** The peer the exercise's peer table declares for this case (the one `socklab serve` starts). */
  peer<P extends PeerPlan>(table: PeerTable<P>): Promise<StartedPeer<P>>;
  /** One-off scripted servers that `socklab serve` cannot start: prefer `peer`. */
  tcpPeer(session: TcpSession): Promise<TcpServerPeer>;
  udpPeer(session: UdpSession): Promise<UdpServerPeer>;
  /** A port with nothing listening on it (for "connection refused" cases). */
  freePort(transport?: 'tcp' | 'udp'): Promise<number>;
  /** Cleanup work run when the case ends, in reverse order. */
  defer(work: () => unknown): void;
}
