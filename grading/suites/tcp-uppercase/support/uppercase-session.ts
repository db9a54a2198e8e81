// The grader's uppercase server for the client cases: each line answered with its marked uppercase, as scripted.
import { sleep, type TcpSession } from '../../../../harness/index.ts';

/**
 * The grader's answer to a line: its uppercase, marked with its number, so that a client which prints its own
 * uppercase instead of the server's answers, or prints them out of order, shows up.
 */
export const marked = (line: string, index: number) => `${line.toUpperCase()} (answer ${index + 1})`;

/** How a case bends the server: late answers, answers in pieces, a reset, a last line without a newline. */
export interface UppercaseScript {
  /** Milliseconds to wait before each answer. */
  delayMs?: number;
  /** Send each answer in pieces of this many bytes, `pieceGapMs` apart. */
  pieceBytes?: number;
  pieceGapMs?: number;
  /** Reset the connection when this many lines have arrived. */
  resetAfterLines?: number;
  /** At the client's end of stream, answer a last line that has no newline too. */
  answerFinalLine?: boolean;
}

/** A connection's session: read a line, answer it, until the client ends its side; then the peer closes. */
export function uppercaseSession(script: UppercaseScript = {}): TcpSession {
  return async (stream) => {
    for (let index = 0; ; index++) {
      const line = await stream.readLine('lf', { lastLine: script.answerFinalLine });
      if (script.resetAfterLines !== undefined && index + 1 >= script.resetAfterLines) return stream.reset();
      if (script.delayMs) await sleep(script.delayMs);
      const answer = `${marked(line, index)}\n`;
      if (script.pieceBytes) await stream.writeInPieces(answer, script.pieceBytes, script.pieceGapMs ?? 0);
      else stream.write(answer);
    }
  };
}
