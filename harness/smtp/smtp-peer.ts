// The grader's mail server for a student's SMTP client: a TCP listener that runs the scripted session on each
// connection, records what the client did, and notices bytes that came before their turn.
import net from 'node:net';
import { freePort } from '../ports.ts';
import type { Transcript } from '../transcript.ts';
import { CommandReader } from './command-reader.ts';
import { smtpSession, type SmtpLink } from './session.ts';
import { emptyRecord, type ReplyLines, type SmtpRecord, type SmtpScript, type SmtpStep } from './smtp-script.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A scripted SMTP server on a free loopback port; `sessions` holds one record per connection, in order. */
export class SmtpPeer {
  readonly sessions: SmtpRecord[] = [];
  /** The sessions' ends, so a case can wait until the server has seen everything. */
  private readonly running: Array<Promise<void>> = [];
  /** A bug in the grader's own server: a kit error, never the student's failure. */
  private kitError: Error | undefined;
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server, readonly port: number) {}

  /** Starts listening; each connection gets its own session of `script`. */
  static async start(transcript: Transcript, script: SmtpScript, port?: number): Promise<SmtpPeer> {
    const chosen = port ?? await freePort('tcp');
    const server = net.createServer({ allowHalfOpen: false });
    const peer = new SmtpPeer(server, chosen);
    server.on('connection', (socket) => peer.serve(socket, transcript, script));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(chosen, '127.0.0.1', () => resolve());
    });
    transcript.note(`grader's mail server listening on 127.0.0.1:${chosen}`);
    return peer;
  }

  /** Waits until every session so far has ended (QUIT answered, or either side closed). */
  async settled(): Promise<void> {
    await Promise.all(this.running);
    if (this.kitError) throw this.kitError;
  }

  private serve(socket: net.Socket, transcript: Transcript, script: SmtpScript): void {
    const reader = new CommandReader();
    const record = emptyRecord(reader.malformed);
    const label = this.sessions.length > 0 ? `[connection ${this.sessions.length + 1}] ` : '';
    this.sessions.push(record);
    this.sockets.add(socket);
    socket.setNoDelay(true);
    transcript.note(`${label}client connected`);
    let owed: string | undefined;
    let serverClosed = false;
    socket.on('data', (chunk: Buffer) => {
      transcript.data('C', chunk, label);
      if (owed !== undefined && !record.early) record.early = { before: owed, bytes: chunk };
      reader.push(chunk);
    });
    socket.on('end', () => { if (!serverClosed) record.clientClosed = true; transcript.note(`${label}client closed the connection`); reader.end(); });
    socket.on('error', () => { if (!serverClosed) record.clientClosed = true; reader.end(); });
    socket.on('close', () => { this.sockets.delete(socket); reader.end(); });

    const link: SmtpLink = {
      reader,
      async reply(lines: ReplyLines, step?: SmtpStep) {
        const delay = step ? script.delayMs?.[step] ?? 0 : 0;
        if (delay > 0) { transcript.note(`${label}grader waits ${delay} ms before replying`); await sleep(delay); }
        for (const [index, line] of lines.entries()) {
          if (index > 0 && script.lineGapMs) await sleep(script.lineGapMs);
          if (socket.destroyed) return;
          socket.write(`${line}\r\n`);
          transcript.data('S', `${line}\r\n`, label);
        }
        owed = undefined;
      },
      clientsTurn() { owed = undefined; },
      serverOwes(what: string) {
        owed = what;
        // Bytes already buffered behind the command just read were sent before its reply: pipelined.
        if (reader.pending.length > 0 && !record.early) record.early = { before: what, bytes: Buffer.from(reader.pending) };
      },
      close() {
        serverClosed = true;
        transcript.note(`${label}grader closes the connection`);
        socket.end();
      },
    };
    this.running.push(smtpSession(link, script, record).catch((error: Error) => {
      transcript.note(`${label}kit error in the grader's mail server: ${error.message}`);
      this.kitError ??= new Error(`kit error: the grader's mail server broke: ${error.stack ?? error.message}`);
    }));
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
  }
}
