// What the client cases share: the grader plays the server with marked answers, and checks what the client sent.
import {
  expectStdout, GradingFailure, printfPipe, type CaseContext, type RunningProgram, type TcpServerPeer,
} from '../../../../harness/index.ts';
import { peers } from './peers.ts';
import { marked } from './uppercase-session.ts';

/** Everything a correct client prints for these lines: each marked answer and a newline. */
export const markedAnswers = (lines: string[]) => lines.map((line, index) => `${marked(line, index)}\n`).join('');

/**
 * The lines that let a student replay a client case: `socklab serve` plays the grader's own server for this case; where
 * netcat can play it too (the answers ready, sent when the client connects), its line is given as well.
 */
export function clientRepro(t: CaseContext, port: number, stdin: string, netcatAnswers?: string): string[] {
  return [
    `${t.serveCommand(port)}   # in one terminal: the grader's server for this case`,
    ...(netcatAnswers === undefined ? []
      : [`${printfPipe(netcatAnswers, `nc -l 127.0.0.1 ${port}`)}   # or, instead: netcat plays it, with the grader's answers ready`]),
    printfPipe(stdin, t.runCommand('client', ['--port', port])),
  ];
}

/** The lines of stdin as a client sends them: a last line without "\n" counts. */
const stdinLines = (stdin: string) => stdin.split('\n').filter((line, index, all) => index < all.length - 1 || line !== '');

/**
 * Starts the grader's server for this case (peers.ts), then the client with `stdin`. `netcat: false` when nc cannot
 * play this server (late answers, answers in pieces, a reset).
 */
export async function runClient(t: CaseContext, stdin: string, options: { netcat?: boolean } = {}) {
  const peer = await t.peer(peers);
  const { program } = await t.start('client', { vars: { port: peer.port }, stdin });
  const netcat = options.netcat === false ? undefined : markedAnswers(stdinLines(stdin));
  return { peer: peer.tcp!, program, repro: clientRepro(t, peer.port, stdin, netcat) };
}

/** Compares the client's stdout with the answers; a client that stopped printing early is told so. */
export function expectAnswers(program: RunningProgram, expected: string, details: { hint: string; repro: string[] }): void {
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
  expectStdout(program, expected, { hint: early + blankLines + details.hint, repro: details.repro });
}

/** Checks that the client sent exactly `expected`, over one connection. */
export function expectSent(peer: TcpServerPeer, expected: string, details: { hint?: string; repro: string[] }): void {
  const connections = peer.connections.length;
  if (connections > 1) {
    throw new GradingFailure({
      summary: `your client opened ${connections} connections; the contract is one connection for all the lines`,
      hint: 'Connect once, send every line over that connection, and read the answers from it.',
      repro: details.repro,
    });
  }
  const sent = peer.connections[0]?.receivedBytes ?? Buffer.alloc(0);
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
