// Reads SMTP replies off a socket, whole: a reply is one line "250 OK", or several, "250-first" … "250 last"
// (RFC 5321 §4.2.1). Bytes arrive in any pieces; lines are put back together first, then replies.
import type { Socket } from 'node:net';

/** One whole reply: its three-digit code, and its lines joined for a message. */
export interface Reply { code: number; text: string }

/** How long to wait for any reply: RFC 5321 §4.5.3.2 allows minutes; the contract asks for at least 10 s. */
const REPLY_WAIT_MS = 10_000;

/** Collects the server's lines and hands out one whole reply at a time. */
export class ReplyReader {
  private pending = '';
  private readonly lines: string[] = [];
  private ended: string | undefined;
  private wake: () => void = () => {};

  // Given: this part splits the bytes into lines (without their CRLF) and notices the connection's end.
  constructor(socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (text: string) => {
      this.pending += text;
      for (let end = this.pending.indexOf('\n'); end >= 0; end = this.pending.indexOf('\n')) {
        this.lines.push(this.pending.slice(0, end).replace(/\r$/, ''));
        this.pending = this.pending.slice(end + 1);
      }
      this.wake();
    });
    socket.on('error', (error) => { this.ended ??= `connection error: ${error.message}`; this.wake(); });
    socket.on('close', () => { this.ended ??= 'the server closed the connection'; this.wake(); });
  }

  /** The next whole reply: lines "NNN-…" continue it, the line "NNN …" (or just "NNN") ends it. */
  async next(): Promise<Reply> {
    // TODO (reply reader): read lines with `await this.nextLine()` until one whose 4th character is not "-"
    //      ("250-PIPELINING" continues the reply, "250 OK" ends it). Return its code (the first three
    //      characters, as a number) and the text of all its lines. A line that does not start with three
    //      digits is not an SMTP reply: throw an Error.
    throw new Error('reply reader: not written yet (see the TODO in reply-reader.ts)');
  }

  // Given: the next line, waiting up to REPLY_WAIT_MS for it; throws when the connection has ended.
  private async nextLine(): Promise<string> {
    const deadline = Date.now() + REPLY_WAIT_MS;
    while (this.lines.length === 0) {
      if (this.ended) throw new Error(this.ended);
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no reply from the server within ${REPLY_WAIT_MS / 1000} s`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => { clearTimeout(timer); resolve(); };
      });
    }
    return this.lines.shift()!;
  }
}
