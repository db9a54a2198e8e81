// What the client cases share: the grader plays the server with marked answers, and checks what the client sent.
import { awaitFirstSign, expectStdout, GradingFailure } from '../../../../harness/index.ts';
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

/**
 * The lines that let a student replay a client case: netcat plays the server with the grader's answers ready. (It
 * cannot wait for a person to type them: nc closes the connection as soon as the client ends its sending side.)
 */
function clientRepro(t: CaseContext, port: number, stdin: string, answers: string): string[] {
  return [
    `${printfPipe(answers, `nc -l 127.0.0.1 ${port}`)}   # in one terminal: plays the server, with the grader's answers ready`,
    printfPipe(stdin, t.runCommand('client', ['--port', port])),
  ];
}

/** The lines of stdin as a client sends them: a last line without "\n" counts. */
const stdinLines = (stdin: string) => stdin.split('\n').filter((line, index, all) => index < all.length - 1 || line !== '');

/**
 * Starts the grader's server (answering with marked lines unless the script says otherwise), then the client, and
 * waits for its connection: the case's deadlines count from it, not from the spawn (a slow start is not late).
 */
export async function runClient(t: CaseContext, stdin: string, script: TcpScript = {}) {
  const peer = await t.tcpPeer({ answerLine: (line, index) => `${marked(line, index)}\n`, ...script });
  const { program } = await t.start('client', { vars: { port: peer.port }, stdin });
  const repro = clientRepro(t, peer.port, stdin, markedAnswers(stdinLines(stdin)));
  await awaitFirstSign(program, () => peer.connections.length > 0, 'connected', repro);
  return { peer, program, repro };
}

/**
 * Compares the client's stdout with the answers; a client that stopped printing early is told so. Blanks at the
 * end of a line and the last newline are judged only where `exact` (one case), forgiven elsewhere.
 */
export function expectAnswers(program: RunningProgram, expected: string, details: { hint: string; repro: string[]; exact?: boolean }): void {
  const got = program.stdout.head();
  const want = Buffer.from(expected);
  const cutShort = got.length < want.length && want.subarray(0, got.length).equals(got);
  const early = cutShort && program.exitStatus
    ? `Your client printed ${got.length === 0 ? 'none' : `only the first ${got.length} bytes`} of the answers, then exited.\n` +
      'A client is done only when the server closes its side: did it stop after one read, or exit (or close its\n' +
      'socket) when stdin ended?\n'
    : '';
  // Whole answers with empty lines among them: each chunk printed with a newline of its own added.
  const blankLines = !cutShort && got.toString('utf8').replace(/\n\n+/g, '\n') === expected
    ? 'Your client printed every answer, but with empty lines the server never sent: console.log(chunk) (Python:\n' +
      'print(data)) adds a "\\n" to a chunk that already ends with one. Print each line once, with one "\\n".\n'
    : '';
  expectStdout(program, expected, { hint: early + blankLines + details.hint, repro: details.repro, loose: !details.exact });
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
  // A prefix of the lines: the client let go of the connection before everything it wrote had gone out.
  const cutShort = sent.length > 0 && sent.length < Buffer.byteLength(expected) && Buffer.from(expected).subarray(0, sent.length).equals(sent);
  const early = cutShort
    ? `Your client sent only the first ${sent.length} of ${Buffer.byteLength(expected)} bytes, then stopped: did it skip lines, or exit (or\n` +
      'destroy its socket) when stdin ended, before everything it wrote had gone out? socket.end() sends what is\n' +
      'still queued first; exit only when the server has closed its side.\n'
    : '';
  throw new GradingFailure({
    summary: connections === 0 ? 'your client never connected to the grader\'s server'
      : 'your client did not send each line of stdin, UTF-8 encoded and followed by "\\n"',
    expected,
    received: sent,
    hint: early + (details.hint ?? 'Send every line of stdin as it is, followed by "\\n" (readline gives lines without their ending).'),
    repro: details.repro,
  });
}
