// Drains a program's stdout or stderr so it never blocks, keeping a bounded copy: the head to grade, the tail to show.
import type { Readable } from 'node:stream';

export interface CaptureLimits {
  /** Bytes kept from the start (what a client printed is graded from these). */
  head: number;
  /** Bytes kept from the end (shown in failure messages). */
  tail: number;
  /** Past this many bytes the program is flooding: `onFlood` is called once. */
  flood: number;
}

/** A bounded record of one output stream. */
export class OutputCapture {
  private readonly headChunks: Buffer[] = [];
  private headBytes = 0;
  private tailBuffer = Buffer.alloc(0);
  total = 0;
  flooded = false;

  constructor(private readonly limits: CaptureLimits, private readonly onFlood: () => void) {}

  attach(stream: Readable | null | undefined): void {
    stream?.on('data', (chunk: Buffer) => this.add(chunk));
    stream?.on('error', () => { /* a closed pipe is not the grader's failure */ });
  }

  private add(chunk: Buffer): void {
    this.total += chunk.length;
    if (this.headBytes < this.limits.head) {
      const part = chunk.subarray(0, this.limits.head - this.headBytes);
      this.headChunks.push(part);
      this.headBytes += part.length;
    }
    const joined = Buffer.concat([this.tailBuffer, chunk]);
    this.tailBuffer = joined.length > this.limits.tail ? joined.subarray(joined.length - this.limits.tail) : joined;
    if (!this.flooded && this.total > this.limits.flood) {
      this.flooded = true;
      this.onFlood();
    }
  }

  /** Everything kept from the start, up to the head limit. */
  head(): Buffer {
    return Buffer.concat(this.headChunks);
  }

  /** The last `count` lines of the stream, from the kept tail; a line cut by the tail's limit starts with '…'. */
  lastLines(count: number): string[] {
    const lines = this.tailBuffer.toString('utf8').split('\n');
    if (lines.at(-1) === '') lines.pop();
    if (this.total > this.tailBuffer.length && lines.length > 0) lines[0] = `…${lines[0]}`;
    return lines.slice(-count);
  }
}
