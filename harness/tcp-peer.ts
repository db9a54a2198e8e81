// A scripted TCP server that plays the other side for a student's client, and records what the client sent.
import net from 'node:net';
import { freePort } from './ports.ts';
import type { Transcript } from './transcript.ts';

/** How the peer answers one connection; it gets the connection's bytes as they arrive. */
export interface TcpScript {
  /** The reply to one complete line (without its "\n"); undefined sends nothing. */
  answerLine?: (line: string, index: number) => string | undefined;
  /** Milliseconds to wait before each answer. */
  delayMs?: number;
  /** Send each answer in pieces of this many bytes, pausing `pieceGapMs` between them. */
  pieceBytes?: number;
  pieceGapMs?: number;
  /** Reset the connection after this many lines have arrived. */
  resetAfterLines?: number;
  /** At the client's end of stream, answer a last line that has no newline too (as a line server does). */
  answerFinalLine?: boolean;
}

/** One client connection as the peer saw it. */
export interface PeerConnection { received: Buffer; ended: boolean; closed: boolean }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A TCP server on a free loopback port that answers a student's client line by line, as the case scripts it. */
export class TcpPeer {
  readonly connections: PeerConnection[] = [];
  private readonly sockets = new Set<net.Socket>();

  private constructor(private readonly server: net.Server, readonly port: number) {}

  static async start(transcript: Transcript, script: TcpScript): Promise<TcpPeer> {
    const port = await freePort('tcp');
    // Half-open: when the client ends its side, the peer still sends its (maybe delayed) answers, then closes.
    const server = net.createServer({ allowHalfOpen: true });
    const peer = new TcpPeer(server, port);
    server.on('connection', (socket) => peer.serve(socket, transcript, script));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    transcript.note(`grader listening on 127.0.0.1:${port} (TCP)`);
    return peer;
  }

  private serve(socket: net.Socket, transcript: Transcript, script: TcpScript): void {
    const record: PeerConnection = { received: Buffer.alloc(0), ended: false, closed: false };
    const label = this.connections.length > 0 ? `[connection ${this.connections.length + 1}] ` : '';
    this.connections.push(record);
    this.sockets.add(socket);
    socket.setNoDelay(true); // each write (each piece of an answer) leaves at once, as its own segment
    transcript.note(`${label}client connected`);
    let pending = Buffer.alloc(0);
    let lines = 0;
    let queue = Promise.resolve();
    const send = async (answer: Buffer) => {
      if (script.delayMs) await sleep(script.delayMs);
      const size = script.pieceBytes ?? answer.length;
      for (let at = 0; at < answer.length; at += size) {
        if (at > 0 && script.pieceGapMs) await sleep(script.pieceGapMs);
        if (socket.destroyed) return;
        socket.write(answer.subarray(at, at + size));
      }
      transcript.data('S', answer, label);
    };
    socket.on('data', (chunk: Buffer) => {
      record.received = Buffer.concat([record.received, chunk]);
      transcript.data('C', chunk, label);
      pending = Buffer.concat([pending, chunk]);
      for (let newline = pending.indexOf(0x0a); newline >= 0; newline = pending.indexOf(0x0a)) {
        const line = pending.subarray(0, newline).toString('utf8');
        pending = pending.subarray(newline + 1);
        const index = lines++;
        if (script.resetAfterLines !== undefined && lines >= script.resetAfterLines) {
          transcript.note(`${label}grader resets the connection (RST)`);
          socket.resetAndDestroy();
          return;
        }
        const answer = script.answerLine?.(line, index);
        if (answer !== undefined) queue = queue.then(() => send(Buffer.from(answer)));
      }
    });
    socket.on('end', () => {
      record.ended = true;
      transcript.note(`${label}client closed its sending side`);
      const answer = script.answerFinalLine && pending.length > 0 ? script.answerLine?.(pending.toString('utf8'), lines++) : undefined;
      if (answer !== undefined) queue = queue.then(() => send(Buffer.from(answer)));
      // Answer everything first, then close, as the contract's server does.
      void queue.then(() => socket.end());
    });
    socket.on('close', () => { record.closed = true; this.sockets.delete(socket); });
    socket.on('error', () => { /* a client that resets is recorded by 'close' */ });
  }

  close(): void {
    for (const socket of this.sockets) socket.destroy();
    this.server.close();
  }
}
