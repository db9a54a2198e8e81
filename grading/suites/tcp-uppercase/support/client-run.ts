// What the client cases share: the grader plays the server with marked answers, and checks what the client sent.
import { expectStdout, GradingFailure } from '../../../../harness/index.ts';
import type { CaseContext } from '../../../../harness/index.ts';
import type { RunningProgram } from '../../../../harness/running-program.ts';
import { printfPipe } from '../../../../harness/shell-quote.ts';
import type { TcpPeer, TcpScript } from '../../../../harness/tcp-peer.ts';

/**
 * The grader's answer to a line: its uppercase, marked with its number, so that a client which prints its own
 * uppercase instead of the server's answers, or prints them out of order, shows up.
 */
export const marked = (line: string, index: number) => `${line.toUpperCase()} (answer ${index + 1})`;

/** Everything a correct client prints for these lines: each marked answer and a newline. */
export const markedAnswers = (lines: string[]) => lines.map((line, index) => `${marked(line, index)}\n`).join('');

/** The lines that let a student replay a client case: netcat plays the server. */
export function clientRepro(t: CaseContext, port: number, stdin: string): string[] {
  return [
    `nc -l 127.0.0.1 ${port}   # in one terminal: plays the server; type an answer line and press Enter`,
    printfPipe(stdin, t.runCommand('client', ['--port', port])),
  ];
}

/** Starts the grader's server (answering with marked lines unless the script says otherwise), then the client. */
export async function runClient(t: CaseContext, stdin: string, script: TcpScript = {}) {
  const peer = await t.tcpPeer({ answerLine: (line, index) => `${marked(line, index)}\n`, ...script });
  const { program } = await t.start('client', { vars: { port: peer.port }, stdin });
  return { peer, program, repro: clientRepro(t, peer.port, stdin) };
}

/** Compares the client's stdout with the answers; a client that stopped printing early is told so. */
export function expectAnswers(program: RunningProgram, expected: string, details: { hint: string; repro: string[] }): void {
  const got = program.stdout.head();
  const want = Buffer.from(expected);
  const cutShort = got.length < want.length && want.subarray(0, got.length).equals(got);
  const early = cutShort && program.exitStatus
    ? `Your client printed ${got.length === 0 ? 'none' : `only the first ${got.length} bytes`} of the answers, then exited. A client is done\n` +
      'only when the server closes its side: did it stop after one read, or exit (or close its socket) when stdin ended?\n'
    : '';
  expectStdout(program, expected, { hint: early + details.hint, repro: details.repro });
}

/** Checks that the client sent exactly `expected`, over one connection. */
export function expectSent(peer: TcpPeer, expected: string, details: { hint?: string; repro: string[] }): void {
  const connections = peer.connections.length;
  if (connections > 1) {
    throw new GradingFailure({
      summary: `your client opened ${connections} connections; the contract is one connection for all the lines`,
      hint: 'Connect once, send every line over that connection, and read the answers from it.',
      repro: details.repro,
    });
  }
  const sent = peer.connections[0]?.received ?? Buffer.alloc(0);
  if (sent.equals(Buffer.from(expected))) return;
  throw new GradingFailure({
    summary: connections === 0 ? 'your client never connected to the grader\'s server'
      : 'your client did not send each line of stdin, UTF-8 encoded and followed by "\\n"',
    expected,
    received: sent,
    hint: details.hint ?? 'Send every line of stdin as it is, followed by "\\n" (readline gives lines without their ending).',
    repro: details.repro,
  });
}
