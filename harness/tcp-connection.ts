// The grader as a TCP client of a student's server: writes, reads what it expects, and explains what it got.
import { GradingFailure } from './failure.ts';
import { connectLoopback } from './loopback-connect.ts';
import { hintFor, type Outcome } from './hints.ts';
import { printfPipe } from './shell-quote.ts';
import { timeout } from './timeouts.ts';
import type { Transcript } from './transcript.ts';
import { RecordedStream, sleep } from './transport/index.ts';

export interface ExpectOptions {
  /** Advice for this case, shown above the usual causes. */
  hint?: string;
  /** Advice about what an answer holds (letter case, encoding): shown only when some of the answer came back. */
  contentHint?: string;
  /** Milliseconds to wait (default: the scaled reply timeout). */
  timeoutMs?: number;
  /** What the case was checking, when the summary should say more than "the answer differs". */
  what?: string;
}

/** One connection from the grader to the program under test, recording both directions in the transcript. */
export class TcpConnection {
  private constructor(readonly stream: RecordedStream, readonly port: number) {}

  /** Connects to 127.0.0.1:port; a refused or silent connect is the student's failure, explained. */
  static async open(port: number, transcript: Transcript, label = ''): Promise<TcpConnection> {
    const socket = await connectLoopback(port, transcript, label);
    return new TcpConnection(new RecordedStream(socket, transcript, { ours: 'C', theirs: 'S', label }), port);
  }

  /** Everything the grader wrote on this connection so far. */
  get sentBytes(): Buffer {
    return this.stream.sentBytes;
  }

  /**
   * A shell line that sends the same bytes to the same port with netcat (the OpenBSD one:
   * Debian's netcat-openbsd).
   * `-N` sends the FIN after the bytes when the grader sent one: without it nc keeps its side open, as the grader did.
   */
  reproLine(): string {
    return printfPipe(this.sentBytes, `nc${this.stream.weEnded ? ' -N' : ''} 127.0.0.1 ${this.port}`);
  }

  write(data: string | Uint8Array): void { this.stream.write(data); }
  /** Writes pieces one at a time with a pause between them, so each arrives in its own segment. */
  writeSlowly(pieces: Array<string | Uint8Array>, pauseMs: number): Promise<void> { return this.stream.writeSlowly(pieces, pauseMs); }
  /** Half-close: the grader will send nothing more, but keeps reading. */
  end(): void { this.stream.end(); }
  /** Aborts the connection with a TCP reset, as a crashing client would. */
  reset(): void { this.stream.reset(); }
  destroy(): void { this.stream.destroy(); }

  private fail(outcome: Outcome, summary: string, expected: Buffer, options: ExpectOptions): never {
    // Nothing came back: advice about the answer's content would send the student to the wrong place.
    const silent = this.stream.unread.length === 0 && (outcome === 'timeout' || outcome === 'eof' || outcome === 'reset');
    const own = silent ? options.hint : [options.hint, options.contentHint].filter(Boolean).join('\n') || undefined;
    throw new GradingFailure({
      summary: options.what ? `${options.what}: ${summary}` : summary,
      sent: this.sentBytes,
      expected,
      received: this.stream.unread,
      hint: silent ? `Your program sent nothing back: not one byte of this answer arrived.\n${hintFor(outcome, own)}` : hintFor(outcome, own),
      repro: [this.reproLine()],
    });
  }

  /** Waits for exactly `expected` next on the stream; throws with a caret at the first wrong byte. */
  async expect(expected: string | Uint8Array, options: ExpectOptions = {}): Promise<void> {
    const want = Buffer.from(expected);
    const ms = options.timeoutMs ?? timeout('reply');
    const stream = this.stream;
    const agrees = () => {
      const n = Math.min(stream.unread.length, want.length);
      return stream.unread.subarray(0, n).equals(want.subarray(0, n));
    };
    await stream.until(() => !agrees() || stream.unread.length >= want.length, ms);
    if (!agrees()) this.fail('mismatch', 'the answer differs from what was expected', want, options);
    if (stream.unread.length >= want.length) { stream.take(want.length); return; }
    if (stream.error) this.fail('reset', 'the connection was reset before the whole answer arrived', want, options);
    if (stream.finished) this.fail('eof', 'the server closed the connection before the whole answer arrived', want, options);
    this.fail('timeout', `the whole answer did not arrive within ${ms} ms`, want, options);
  }

  /** Expects the server to close the connection with nothing more to say. */
  async expectClose(options: ExpectOptions = {}): Promise<void> {
    const ms = options.timeoutMs ?? timeout('reply');
    const stream = this.stream;
    await stream.until(() => stream.unread.length > 0 || stream.theyEnded || stream.error !== undefined, ms);
    if (stream.unread.length > 0) this.fail('extra', 'more bytes arrived where the server should have closed the connection', Buffer.alloc(0), options);
    if (stream.finished) return;
    throw new GradingFailure({
      summary: `${options.what ? options.what + ': ' : ''}the server did not close the connection within ${ms} ms`,
      sent: this.sentBytes,
      hint: options.hint ?? 'After the client ends its stream and every answer is sent, close the connection (socket.end()).',
      repro: [this.reproLine()],
    });
  }

  /** Expects no bytes for `ms` (for an answer that must not come yet). */
  async expectNothing(ms: number, options: ExpectOptions = {}): Promise<void> {
    await sleep(ms);
    if (this.stream.unread.length > 0) this.fail('early', 'bytes arrived before the request was complete', Buffer.alloc(0), options);
  }
}
