// Reads what an SMTP client sends: command lines, and after DATA the message up to "." alone on a line, unstuffed.
// It is lenient (a bare LF still ends a line) so that every case can judge its own feature, and it writes down each
// line that is malformed, so that the cases about line endings can insist on them (RFC 5321 §2.3.8, §4.5.3.1).

/** One way a line broke the RFC's framing, with the line's number (counting from 1) and its bytes. */
export interface Malformation {
  line: number;
  problem: 'bare LF' | 'bare CR' | 'line too long';
  text: Buffer;
}

/** The message between DATA's 354 and the final ".": as sent, and with dot-stuffing undone. */
export interface ReceivedMessage {
  /** Every byte the client sent, the final ".\r\n" included. */
  raw: Buffer;
  /** The message with each line's leading "." removed where it was doubled, line endings as sent. */
  message: Buffer;
}

/** RFC 5321 §4.5.3.1.4 and §4.5.3.1.6: a command line is at most 512 octets, a text line 1000, CRLF included. */
export const COMMAND_LINE_LIMIT = 512;
export const TEXT_LINE_LIMIT = 1000;

/** A line as it arrived: its bytes without the ending, and the ending ("\r\n", or "\n" from a lenient read). */
interface Line { content: Buffer; ending: Buffer }

/** Buffers a client's bytes and hands out lines and messages as they complete. */
export class CommandReader {
  readonly malformed: Malformation[] = [];
  private buffer = Buffer.alloc(0);
  private ended = false;
  private lineCount = 0;
  private wake: () => void = () => {};

  /** Bytes from the connection. */
  push(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    this.wake();
  }

  /** The client closed its side (or the connection is gone): no more lines will come. */
  end(): void {
    this.ended = true;
    this.wake();
  }

  /** Bytes received but not yet part of a complete line. */
  get pending(): Buffer {
    return this.buffer;
  }

  /** The next command line, decoded as UTF-8 without its line ending; undefined when the stream has ended. */
  async command(): Promise<string | undefined> {
    const line = await this.line(COMMAND_LINE_LIMIT);
    return line?.content.toString('utf8');
  }

  /** The message after a 354: lines up to "." alone on a line; undefined when the stream ends before it. */
  async message(): Promise<ReceivedMessage | undefined> {
    const raw: Buffer[] = [];
    const message: Buffer[] = [];
    for (;;) {
      const line = await this.line(TEXT_LINE_LIMIT);
      if (!line) return undefined;
      raw.push(line.content, line.ending);
      if (line.content.length === 1 && line.content[0] === 0x2e) {
        return { raw: Buffer.concat(raw), message: Buffer.concat(message) };
      }
      // RFC 5321 §4.5.2: the receiver deletes the first "." of a line that starts with one.
      const content = line.content[0] === 0x2e ? line.content.subarray(1) : line.content;
      message.push(content, line.ending);
    }
  }

  private async line(limit: number): Promise<Line | undefined> {
    for (;;) {
      const newline = this.buffer.indexOf(0x0a);
      if (newline >= 0) return this.take(newline, limit);
      if (this.ended) return undefined;
      await new Promise<void>((resolve) => { this.wake = resolve; });
    }
  }

  private take(newline: number, limit: number): Line {
    const crlf = newline > 0 && this.buffer[newline - 1] === 0x0d;
    const content = Buffer.from(this.buffer.subarray(0, crlf ? newline - 1 : newline));
    const ending = Buffer.from(crlf ? '\r\n' : '\n');
    this.buffer = this.buffer.subarray(newline + 1);
    const number = ++this.lineCount;
    const shown = Buffer.concat([content, ending]);
    if (!crlf) this.malformed.push({ line: number, problem: 'bare LF', text: shown });
    if (content.includes(0x0d)) this.malformed.push({ line: number, problem: 'bare CR', text: shown });
    if (content.length + 2 > limit) this.malformed.push({ line: number, problem: 'line too long', text: shown });
    return { content, ending };
  }
}
