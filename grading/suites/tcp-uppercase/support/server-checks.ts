// What the server cases share: the alphabet of long lines, a check that the server is still up, and the commands
// that reproduce by hand what netcat alone cannot (a reset, a megabyte line).
import { GradingFailure, printfArgument, sleep, withFailureContext, type Started } from '../../../../harness/index.ts';

/** A pause between the grader's own steps (so that what was written arrives before the next step). */
export { sleep };

/** Letters, digits and punctuation: a long line a byte-for-byte comparison can follow. */
export const LETTERS = 'abcdefghijklmnopqrstuvwxyz .,;:!?0123456789';

/** Whether the server died of the reset itself (ECONNRESET, EPIPE), not of a bug of its own that crashed it. */
export function crashedOnReset(program: Started['program']): boolean {
  const crash = program.crash();
  return crash === undefined || /ECONNRESET|EPIPE|ConnectionReset|BrokenPipe|ConnectionAborted/.test(crash);
}

/** Fails the case when the server has exited: every later failure would only be a consequence. */
export function stillRunning(program: Started['program'], when: string): void {
  if (!program.exitStatus) return;
  const crash = program.crash();
  throw new GradingFailure({
    summary: crash ? `your server crashed ${when}: ${crash}` : `your server stopped ${when}`,
    hint: (crash ? crashHint(crash) : '') +
      'A server runs until it is stopped. Read its stderr below: the line of your file that crashed is kept in it.',
  });
}

/** What a crash's error usually means, for the errors students meet most. */
function crashHint(crash: string): string {
  if (crash.includes('ERR_STREAM_WRITE_AFTER_END')) {
    return 'It wrote to a socket after calling end() on it. The textbook\'s server closes the connection after one\n' +
      'answer; this contract keeps it open: answer every line, and call end() only when the client\'s \'end\' comes.\n';
  }
  return '';
}

/** Reproduction lines for the exchanges a printf | nc line cannot make. */
export const byHand = {
  /** A client that sends `text`, then resets its connection (RST) instead of closing it. */
  resetAfter(port: number, text: string): string[] {
    const script = `const s=require("net").connect(${port},"127.0.0.1",()=>{s.write(${JSON.stringify(text)});` +
      `setTimeout(()=>s.resetAndDestroy(),300)})`;
    return [`node -e '${script}'   # sends, then resets the connection`];
  },

  /** A 1,000,001-byte request (a 1,000,000-byte line and its newline), counting the bytes of the answer. */
  longLine(port: number): string[] {
    return [`node -e 'process.stdout.write("ab".repeat(500000)+"\\n")' | nc -N 127.0.0.1 ${port} | wc -c   # should print 1000001`];
  },

  /** Sends `pieces` one at a time with a pause between them, as the grader did. */
  inPieces(port: number, pieces: Array<string | Uint8Array>, pauseSeconds: number): string[] {
    const steps = pieces.map((piece) => `printf ${printfArgument(piece)}`).join(`; sleep ${pauseSeconds}; `);
    return [`(${steps}; sleep 1) | nc -N 127.0.0.1 ${port}`];
  },

  /** A client served while another holds an idle connection and a third half a line, as the grader did. */
  whileIdle(port: number, line: string): string[] {
    return [
      `(sleep 3) | nc 127.0.0.1 ${port} &   # a client that connects and says nothing`,
      `(printf 'partial'; sleep 3) | nc 127.0.0.1 ${port} &   # a client that sends half a line`,
      `sleep 0.5; printf ${printfArgument(line)} | nc -N -w2 127.0.0.1 ${port}   # answered at once with its own uppercase only`,
    ];
  },

  /** Two clients whose lines interleave: the second sends a whole line while the first is in the middle of one. */
  interleaved(port: number): string[] {
    return [
      `(printf 'client one, '; sleep 1; printf 'second half\\n'; sleep 1) | nc -N 127.0.0.1 ${port} &   # answer: CLIENT ONE, SECOND HALF`,
      `(sleep 0.5; printf 'client two\\n'; sleep 1) | nc -N 127.0.0.1 ${port}   # answer: CLIENT TWO`,
    ];
  },

  /** Runs `work`; a failure it throws shows `lines` as its reproduction instead of its own. */
  instead(lines: string[], work: () => Promise<void>): Promise<void> {
    return withFailureContext({ repro: lines }, work);
  },
};
