// One TCP byte stream as the grader sees it, from either side: what went each way, recorded, and reads that wait.
import type net from 'node:net';
import type { Speaker, Transcript } from '../transcript.ts';
import { sleep, waitUntil } from './deadline.ts';
import { WakeSignal } from './wake-signal.ts';

/** Where a line ends: at "\n" (a "\r" before it stays in the line), or only at "\r\n". */
export type Framing = 'lf' | 'crlf';

/** Why a read could not be satisfied: the other side ended or reset, the socket closed, or time ran out. */
export class StreamClosed extends Error {
  override name = 'StreamClosed';
  constructor(readonly reason: 'eof' | 'reset' | 'closed' | 'timeout', what: string) {
    super(`${what}: ${reason === 'eof' ? 'the other side ended its stream' : reason === 'reset' ? 'the connection was reset'
      : reason === 'closed' ? 'the connection closed' : 'nothing arrived in time'}`);
  }
}

/**
 * Who the grader is on this stream: `ours` labels what it sends, `theirs` what it receives (C or S). `record` replaces
 * how a received chunk is written to the transcript (HTTP shows a large body as a count of bytes).
 */
export interface StreamSides { ours: Speaker; theirs: Speaker; label?: string; record?: (chunk: Buffer) => void }

/** A socket whose every byte both ways lands in the transcript, read by waiting for what the caller needs. */
export class RecordedStream {
  private received = Buffer.alloc(0);
  private consumed = 0;
  private readonly sent: Buffer[] = [];
  /** The other side sent its FIN: nothing more will arrive. */
  theyEnded = false;
  /** This side sent its FIN (half-close). */
  weEnded = false;
  closed = false;
  error: NodeJS.ErrnoException | undefined;
  readonly signal = new WakeSignal();
  readonly label: string;

  constructor(readonly socket: net.Socket, private readonly transcript: Transcript, private readonly sides: StreamSides) {
    const label = (this.label = sides.label ?? '');
    const them = sides.theirs === 'C' ? 'client' : 'server';
    socket.setNoDelay(true); // each write leaves at once, as its own segment
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      if (sides.record) sides.record(chunk);
      else transcript.data(sides.theirs, chunk, label);
      this.signal.notify();
    });
    socket.on('end', () => { this.theyEnded = true; transcript.note(`${label}${them} closed its side of the connection`); this.signal.notify(); });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error = error;
      transcript.note(`${label}${error.code === 'ECONNRESET' ? `connection reset by the ${them}` : error.message}`);
      this.signal.notify();
    });
    socket.on('close', () => { this.closed = true; this.signal.notify(); });
  }

  /** Everything that arrived so far, read or not. */
  get receivedBytes(): Buffer { return this.received; }
  /** What arrived and no read has taken yet. */
  get unread(): Buffer { return this.received.subarray(this.consumed); }
  /** Everything this side wrote so far. */
  get sentBytes(): Buffer { return Buffer.concat(this.sent); }
  /** Nothing more can arrive: the other side ended or reset, or the socket is gone. */
  get finished(): boolean { return this.theyEnded || this.error !== undefined || this.closed; }

  /** Writes `data`, shown in the transcript unless `record` is false (the caller shows it otherwise). */
  write(data: string | Uint8Array, record = true): void {
    const bytes = Buffer.from(data);
    this.sent.push(bytes);
    if (record) this.transcript.data(this.sides.ours, bytes, this.label);
    if (!this.socket.destroyed && this.socket.writable) this.socket.write(bytes);
  }

  /** Writes pieces one at a time with a pause before each but the first, so each arrives in its own segment. */
  async writeSlowly(pieces: Array<string | Uint8Array>, pauseMs: number): Promise<void> {
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) await sleep(pauseMs);
      this.write(piece);
    }
  }

  /**
   * Writes `data` in pieces of `size` bytes with `gapMs` between them (an answer split across segments), recorded
   * once, as a whole.
   */
  async writeInPieces(data: string | Uint8Array, size: number, gapMs: number): Promise<void> {
    const bytes = Buffer.from(data);
    this.sent.push(bytes);
    this.transcript.data(this.sides.ours, bytes, this.label);
    for (let at = 0; at < bytes.length; at += size) {
      if (at > 0) await sleep(gapMs);
      if (this.socket.destroyed || !this.socket.writable) return;
      this.socket.write(bytes.subarray(at, at + size));
    }
  }

  /** Half-close: this side sends nothing more (FIN), but keeps reading. */
  end(): void {
    if (this.weEnded || this.socket.destroyed) return;
    this.weEnded = true;
    this.transcript.note(`${this.label}${this.sides.ours === 'C' ? 'client' : 'server'} closed its sending side (FIN); still reading`);
    this.socket.end();
  }

  /** Aborts the connection with a TCP reset, as a crashing program would. */
  reset(): void {
    this.transcript.note(`${this.label}${this.sides.ours === 'C' ? 'client' : 'server'} reset the connection (RST)`);
    this.socket.resetAndDestroy();
  }

  destroy(): void { this.socket.destroy(); }

  /** Waits until `done()` holds (true), or `ms` pass or nothing more can arrive while it does not (false). */
  until(done: () => boolean, ms: number = Infinity): Promise<boolean> {
    return waitUntil(this.signal, done, ms, () => this.finished);
  }

  /** Takes `n` bytes off the unread ones (after a wait with `until` found them there). */
  take(n: number): Buffer {
    const bytes = this.received.subarray(this.consumed, this.consumed + n);
    this.consumed += n;
    return bytes;
  }

  private closedBecause(what: string): StreamClosed {
    const reason = this.error ? 'reset' : this.theyEnded ? 'eof' : this.closed ? 'closed' : 'timeout';
    return new StreamClosed(reason, what);
  }

  /**
   * The next line, without its ending. With `lastLine`, bytes left without an ending when the other side ends count
   * as a last line. Throws StreamClosed when no line can come.
   */
  async readLine(framing: Framing, options: { ms?: number; lastLine?: boolean } = {}): Promise<string> {
    const ending = framing === 'crlf' ? '\r\n' : '\n';
    const found = () => this.unread.indexOf(ending);
    if (await this.until(() => found() >= 0, options.ms)) return this.take(found() + ending.length).subarray(0, -ending.length).toString('utf8');
    if (options.lastLine && this.theyEnded && this.unread.length > 0) return this.take(this.unread.length).toString('utf8');
    throw this.closedBecause('waiting for a line');
  }

  /** The next `n` bytes. */
  async readBytes(n: number, ms?: number): Promise<Buffer> {
    if (await this.until(() => this.unread.length >= n, ms)) return this.take(n);
    throw this.closedBecause(`waiting for ${n} bytes`);
  }

  /** The next message with a 2-byte big-endian length before it (DNS over TCP, RFC 1035 §4.2.2), without the length. */
  async readLengthPrefixed(ms?: number): Promise<Buffer> {
    const whole = () => this.unread.length >= 2 && this.unread.length >= 2 + this.unread.readUInt16BE(0);
    if (await this.until(whole, ms)) return this.take(2 + this.unread.readUInt16BE(0)).subarray(2);
    throw this.closedBecause('waiting for a length-prefixed message');
  }

  /** Writes `message` with its 2-byte big-endian length before it. */
  writeLengthPrefixed(message: Uint8Array): void {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(message.length);
    this.write(Buffer.concat([length, message]));
  }
}
