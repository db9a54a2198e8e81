// The grader as a TCP server for a student's client: each connection runs a session, a plain async function.
import net from 'node:net';
import type { Transcript } from '../transcript.ts';
import { RecordedStream, StreamClosed } from './recorded-stream.ts';

/** What a session knows besides its stream: which connection this is (0 for the first). */
export interface SessionInfo { index: number }

/**
 * One connection's conversation, from the server's side: it may speak first, keep state in local variables and switch
 * framing as it goes. When it returns, the peer closes its side (after what it wrote); a read that cannot be satisfied
 * (the client ended or reset) throws StreamClosed, which ends the session quietly.
 */
export type TcpSession = (stream: RecordedStream, info: SessionInfo) => Promise<void>;

/** A TCP server on a loopback port that runs `session` once per connection and keeps every connection's stream. */
export class TcpServerPeer {
  /** Each connection the client opened, in order, with everything it sent. */
  readonly connections: RecordedStream[] = [];
  /** Errors a session threw other than StreamClosed: a bug in the script, shown as a kit error by the case. */
  readonly sessionErrors: Error[] = [];
  private readonly running = new Set<Promise<void>>();

  private constructor(private readonly server: net.Server, readonly port: number) {}

  /** Listens on 127.0.0.1:port (a port from `freePort`) until `close()`. */
  static async start(port: number, transcript: Transcript, session: TcpSession): Promise<TcpServerPeer> {
    // Half-open: when the client ends its side, the session may still answer, then it closes.
    const server = net.createServer({ allowHalfOpen: true });
    const peer = new TcpServerPeer(server, port);
    server.on('connection', (socket) => peer.serve(socket, transcript, session));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => { server.removeListener('error', reject); resolve(); });
    });
    transcript.note(`grader listening on 127.0.0.1:${port} (TCP)`);
    return peer;
  }

  private serve(socket: net.Socket, transcript: Transcript, session: TcpSession): void {
    const index = this.connections.length;
    const label = index > 0 ? `[connection ${index + 1}] ` : '';
    const stream = new RecordedStream(socket, transcript, { ours: 'S', theirs: 'C', label });
    this.connections.push(stream);
    transcript.note(`${label}client connected`);
    const run = session(stream, { index })
      .catch((error: unknown) => {
        if (error instanceof StreamClosed) return;
        this.sessionErrors.push(error as Error);
        transcript.note(`${label}kit error in the grader's session: ${(error as Error).message}`);
        stream.destroy();
      })
      .then(() => stream.end())
      .finally(() => this.running.delete(run));
    this.running.add(run);
  }

  /** Resolves when every session started so far has finished (or after `ms`). */
  async settled(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
    await Promise.race([Promise.all([...this.running]), late]).finally(() => clearTimeout(timer));
  }

  close(): void {
    for (const stream of this.connections) stream.destroy();
    this.server.close();
  }
}
