// The grader as an HTTP client over a raw TCP connection: it writes exact bytes (whole, slowly, pipelined) and
// reads exact responses, recording both directions in the case's transcript.
import type net from 'node:net';
import { connectLoopback } from '../loopback-connect.ts';
import { hintFor } from '../hints.ts';
import type { GradingFailure } from '../failure.ts';
import { timeout } from '../timeouts.ts';
import type { Transcript } from '../transcript.ts';
import { RecordedStream, sleep } from '../transport/index.ts';
import { HttpAnswer } from './http-answer.ts';
import { httpFailure, type HttpProblem } from './http-failure.ts';
import { parseResponse } from './response-parser.ts';

export interface ReadOptions {
  /** Milliseconds to wait for the whole response (default: the scaled reply timeout). */
  timeoutMs?: number;
  /** Advice for this case, shown above the usual causes. */
  hint?: string;
  /** What the request was for, put before the summary ("the second of three pipelined requests"). */
  what?: string;
}

/** One connection to the server under test, carrying HTTP requests and responses as raw bytes. */
export class HttpConnection {
  private readonly stream: RecordedStream;
  private answers = 0;
  private unrecorded = 0;
  /** The request line of the last request answered, to name it when stray bytes follow its answer. */
  private lastAnswered = '';

  private constructor(socket: net.Socket, readonly port: number, private readonly transcript: Transcript, readonly label: string) {
    // Registered before the stream's own listeners: a body not shown is counted before the close is noted.
    socket.on('end', () => this.flushRecord());
    socket.on('error', () => this.flushRecord());
    this.stream = new RecordedStream(socket, transcript, { ours: 'C', theirs: 'S', label, record: (chunk) => this.record(chunk) });
  }

  /**
   * Records what the server sent: text as it is, but a large body as a count of bytes, so that a megabyte of binary
   * file does not push the rest of the exchange out of the transcript.
   */
  private record(chunk: Buffer): void {
    const startsResponse = chunk.subarray(0, 5).toString('latin1') === 'HTTP/';
    if (chunk.length <= 512) { this.flushRecord(); this.transcript.data('S', chunk, this.label); return; }
    if (!startsResponse) { this.unrecorded += chunk.length; return; }
    this.flushRecord();
    const headEnd = chunk.indexOf('\r\n\r\n');
    const head = headEnd < 0 ? chunk : chunk.subarray(0, headEnd + 4);
    this.transcript.data('S', head.subarray(0, 4096), this.label);
    this.unrecorded += chunk.length - head.length;
  }

  private flushRecord(): void {
    if (this.unrecorded > 0) this.transcript.note(`${this.label}… and ${this.unrecorded} more bytes from the server (a body, not shown)`);
    this.unrecorded = 0;
  }

  /** Connects to 127.0.0.1:port; a refused or silent connect is the student's failure, explained. */
  static async open(port: number, transcript: Transcript, label = ''): Promise<HttpConnection> {
    return new HttpConnection(await connectLoopback(port, transcript, label), port, transcript, label);
  }

  /** Everything the grader wrote on this connection so far. */
  get sentBytes(): Buffer {
    return this.stream.sentBytes;
  }

  /** Bytes received and not yet read as a response. */
  get pending(): Buffer {
    return this.stream.unread;
  }

  /** The server ended or reset the connection. */
  get closed(): boolean {
    return this.stream.theyEnded || this.stream.error !== undefined;
  }

  /** The grader sent its FIN (the reproduction must too). */
  get halfClosed(): boolean {
    return this.stream.weEnded;
  }

  write(data: string | Uint8Array, record = true): void {
    this.flushRecord();
    this.pieces.push(Buffer.from(data));
    this.stream.write(data, record);
  }

  private pauseMs: number | undefined;
  private readonly pieces: Buffer[] = [];

  /** When some bytes were written slowly: every write and the pause, so the reproduction can send them the same way. */
  get slowPieces(): { pieces: Buffer[]; pauseMs: number } | undefined {
    return this.pauseMs === undefined ? undefined : { pieces: this.pieces, pauseMs: this.pauseMs };
  }

  /** Writes pieces one at a time with a pause between them, so each arrives in its own segment. */
  async writeSlowly(pieces: Array<string | Uint8Array>, pauseMs: number): Promise<void> {
    const many = pieces.length > 8;
    if (many) this.transcript.note(`${this.label}the client sends the next ${Buffer.concat(pieces.map((p) => Buffer.from(p as string))).length} bytes in ${pieces.length} pieces, ${pauseMs} ms apart:`);
    const before = this.pieces.length;
    for (const [index, piece] of pieces.entries()) {
      if (index > 0) await sleep(pauseMs);
      this.write(piece, !many);
    }
    if (many) this.transcript.data('C', Buffer.concat(this.pieces.slice(before)), this.label);
    this.pauseMs = pauseMs;
  }

  /** Half-close: the grader sends nothing more but keeps reading, as `nc -N` does at the end of its input. */
  end(): void { this.stream.end(); }
  /** Aborts the connection with a TCP reset, as a crashing client would. */
  reset(): void { this.stream.reset(); }
  destroy(): void { this.stream.destroy(); }

  /** A failure of an exchange on this connection, with its reproduction lines. */
  failure(problem: HttpProblem): GradingFailure {
    this.flushRecord();
    return httpFailure(problem, this);
  }

  /** Reads the next whole response, which answers `request`; anything else (nothing, garbage, a close) fails. */
  async read(request: string | Uint8Array, options: ReadOptions = {}): Promise<HttpAnswer> {
    const asked = Buffer.from(request as string);
    const method = /^[^ ]*/.exec(asked.toString('latin1'))![0];
    const limit = options.timeoutMs ?? timeout('reply');
    const say = (summary: string) => (options.what ? `${options.what}: ${summary}` : summary);
    const parse = () => parseResponse(this.stream.unread, method, this.closed);
    await this.stream.until(() => parse().state !== 'incomplete', limit);
    const outcome = parse();
    if (outcome.state === 'complete') {
      this.stream.take(outcome.length);
      this.answers += 1;
      this.lastAnswered = JSON.stringify(asked.toString('latin1').split('\r\n')[0]);
      return new HttpAnswer(this, asked, outcome.response);
    }
    if (outcome.state === 'invalid') {
      const afterAnother = this.answers > 0 && outcome.at === 0;
      throw this.failure({
        summary: say(afterAnother
          ? `the bytes after the answer to ${this.lastAnswered} do not start a new response`
          : `the response is not valid HTTP/1.1: ${outcome.problem}`),
        request: asked, head: this.stream.unread.subarray(0, 4096), at: outcome.at, note: outcome.problem,
        hint: afterAnother
          ? 'Extra bytes followed the previous response: a body sent with a HEAD or 304 answer, a Content-Length\n' +
            'smaller than the body, or a debug print on the socket.'
          : 'Every line of a response head ends with "\\r\\n"; the first is "HTTP/1.1 200 OK", each next one\n' +
            '"Name: value", and an empty line ends the head.',
      });
    }
    const got = this.stream.unread;
    const { error, theyEnded } = this.stream;
    const how = error ? 'reset the connection' : theyEnded ? 'closed the connection' : '';
    throw this.failure({
      summary: say(how === ''
        ? (got.length === 0 ? `no answer within ${limit} ms` : `the answer was still incomplete after ${limit} ms: waiting for ${outcome.waitingFor}`)
        : got.length === 0 ? `the server ${how} without answering`
          : `the server ${how} before the response was complete; still waiting for ${outcome.waitingFor}`),
      request: asked,
      ...(got.length > 0 ? { head: got.subarray(0, 4096) } : {}),
      hint: hintFor(error ? 'reset' : theyEnded ? 'eof' : 'timeout', options.hint),
    });
  }

  /** Waits until `done()` holds (checked whenever bytes or a close arrive) or `ms` pass; says which. */
  waitFor(done: () => boolean, ms: number): Promise<boolean> {
    return this.stream.until(done, ms);
  }

  /** Whether a whole response (to a request of `method`) has arrived and not been read yet. */
  hasResponse(method = 'GET'): boolean {
    return parseResponse(this.stream.unread, method, this.closed).state !== 'incomplete';
  }

  /** Expects the server to close the connection with nothing more to say, within the reply timeout. */
  async expectClosed(request: string | Uint8Array, why: string, hint?: string): Promise<void> {
    await this.stream.until(() => this.pending.length > 0 || this.closed, timeout('reply'));
    if (this.pending.length > 0) {
      throw this.failure({ summary: `${why}, but more bytes arrived`, request: Buffer.from(request as string), head: this.pending.subarray(0, 4096), at: 0, note: 'these bytes should not be here', hint });
    }
    if (this.stream.finished) return;
    throw this.failure({ summary: `${why}, but it was still open ${timeout('reply')} ms later`, request: Buffer.from(request as string), hint });
  }

  /** Expects nothing at all for a while: no byte and no close (a request not complete yet, or a kept-alive connection). */
  async expectQuiet(request: string | Uint8Array, why: string, hint?: string, ms = timeout('quiet')): Promise<void> {
    await sleep(ms);
    if (this.pending.length > 0) {
      throw this.failure({ summary: `${why}, but bytes arrived`, request: Buffer.from(request as string), head: this.pending.subarray(0, 4096), at: 0, note: 'these bytes should not have come (yet)', hint });
    }
    if (this.closed) {
      throw this.failure({ summary: `${why}, but the server ${this.stream.error ? 'reset' : 'closed'} the connection`, request: Buffer.from(request as string), hint });
    }
  }
}
