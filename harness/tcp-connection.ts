// The grader as a TCP client of a student's server: writes, reads what it expects, and explains what it got.
import type net from 'node:net';
import { GradingFailure } from './failure.ts';
import { connectLoopback } from './loopback-connect.ts';
import { WakeSignal } from './wake-signal.ts';
import { hintFor, type Outcome } from './hints.ts';
import { printfPipe } from './shell-quote.ts';
import { timeout } from './timeouts.ts';
import type { Transcript } from './transcript.ts';

export interface ExpectOptions {
  /** Advice for this case, shown above the usual causes. */
  hint?: string;
  /** Milliseconds to wait (default: the scaled reply timeout). */
  timeoutMs?: number;
  /** What the case was checking, when the summary should say more than "the answer differs". */
  what?: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One connection from the grader to the program under test, recording both directions in the transcript. */
export class TcpConnection {
  private received = Buffer.alloc(0);
  private consumed = 0;
  private readonly sent: Buffer[] = [];
  ended = false;
  /** The grader half-closed its side (FIN): the reproduction must do the same. */
  private halfClosed = false;
  error: NodeJS.ErrnoException | undefined;
  private readonly signal = new WakeSignal();

  private constructor(private readonly socket: net.Socket, readonly port: number,
    private readonly transcript: Transcript, private readonly label: string) {
    socket.on('data', (chunk: Buffer) => {
      this.received = Buffer.concat([this.received, chunk]);
      transcript.data('S', chunk, label);
      this.signal.notify();
    });
    socket.on('end', () => { this.ended = true; transcript.note(`${label}server closed its side of the connection`); this.signal.notify(); });
    socket.on('error', (error: NodeJS.ErrnoException) => {
      this.error = error;
      transcript.note(`${label}${error.code === 'ECONNRESET' ? 'connection reset by the server' : error.message}`);
      this.signal.notify();
    });
    socket.on('close', () => this.signal.notify());
  }

  /** Connects to 127.0.0.1:port; a refused or silent connect is the student's failure, explained. */
  static async open(port: number, transcript: Transcript, label = ''): Promise<TcpConnection> {
    return new TcpConnection(await connectLoopback(port, transcript, label), port, transcript, label);
  }

  /** Everything the grader wrote on this connection so far. */
  get sentBytes(): Buffer {
    return Buffer.concat(this.sent);
  }

  /**
   * A shell line that sends the same bytes to the same port with netcat (the OpenBSD one:
   * Debian's netcat-openbsd).
   * `-N` sends the FIN after the bytes when the grader sent one: without it nc keeps its side open, as the grader did.
   */
  reproLine(): string {
    return printfPipe(this.sentBytes, `nc${this.halfClosed ? ' -N' : ''} 127.0.0.1 ${this.port}`);
  }

  write(data: string | Uint8Array): void {
    const bytes = Buffer.from(data);
    this.sent.push(bytes);
    this.transcript.data('C', bytes, this.label);
    if (!this.socket.destroyed) this.socket.write(bytes);
  }

  /** Writes pieces one at a time with a pause between them, so each arrives in its own segment. */
  async writeSlowly(pieces: Array<string | Uint8Array>, pauseMs: number): Promise<void> {
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) await sleep(pauseMs);
      this.write(piece);
    }
  }

  /** Half-close: the grader will send nothing more, but keeps reading. */
  end(): void {
    this.transcript.note(`${this.label}client closed its sending side (FIN); still reading`);
    this.halfClosed = true;
    this.socket.end();
  }

  /** Aborts the connection with a TCP reset, as a crashing client would. */
  reset(): void {
    this.transcript.note(`${this.label}client reset the connection (RST)`);
    this.socket.resetAndDestroy();
  }

  destroy(): void {
    this.socket.destroy();
  }

  private fail(outcome: Outcome, summary: string, expected: Buffer, options: ExpectOptions): never {
    const got = this.received.subarray(this.consumed);
    throw new GradingFailure({
      summary: options.what ? `${options.what}: ${summary}` : summary,
      sent: this.sentBytes,
      expected,
      received: got,
      hint: hintFor(outcome, options.hint),
      repro: [this.reproLine()],
    });
  }

  /** Waits for exactly `expected` next on the stream; throws with a caret at the first wrong byte. */
  async expect(expected: string | Uint8Array, options: ExpectOptions = {}): Promise<void> {
    const want = Buffer.from(expected);
    const deadline = Date.now() + (options.timeoutMs ?? timeout('reply'));
    for (;;) {
      const got = this.received.subarray(this.consumed);
      const n = Math.min(got.length, want.length);
      if (!got.subarray(0, n).equals(want.subarray(0, n))) this.fail('mismatch', 'the answer differs from what was expected', want, options);
      if (got.length >= want.length) { this.consumed += want.length; return; }
      if (this.error) this.fail('reset', 'the connection was reset before the whole answer arrived', want, options);
      if (this.ended) this.fail('eof', 'the server closed the connection before the whole answer arrived', want, options);
      const left = deadline - Date.now();
      if (left <= 0) this.fail('timeout', `the whole answer did not arrive within ${options.timeoutMs ?? timeout('reply')} ms`, want, options);
      await this.signal.wait(left);
    }
  }

  /** Expects the server to close the connection with nothing more to say. */
  async expectClose(options: ExpectOptions = {}): Promise<void> {
    const deadline = Date.now() + (options.timeoutMs ?? timeout('reply'));
    for (;;) {
      if (this.received.length > this.consumed) this.fail('extra', 'more bytes arrived where the server should have closed the connection', Buffer.alloc(0), options);
      if (this.ended || this.error) return;
      const left = deadline - Date.now();
      if (left <= 0) {
        throw new GradingFailure({
          summary: `${options.what ? options.what + ': ' : ''}the server did not close the connection within ${options.timeoutMs ?? timeout('reply')} ms`,
          sent: this.sentBytes,
          hint: options.hint ?? 'After the client ends its stream and every answer is sent, close the connection (socket.end()).',
          repro: [this.reproLine()],
        });
      }
      await this.signal.wait(left);
    }
  }

  /** Expects no bytes for `ms` (for an answer that must not come yet). */
  async expectNothing(ms: number, options: ExpectOptions = {}): Promise<void> {
    await sleep(ms);
    if (this.received.length > this.consumed) this.fail('early', 'bytes arrived before the request was complete', Buffer.alloc(0), options);
  }
}
