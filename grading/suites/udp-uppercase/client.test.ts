// The UDP uppercase client's contract (textbook 2.7.1): the grader plays the server.
import {
  awaitFirstSign, exerciseSuite, expectExit, expectStdout, GradingFailure, judgeOnTime, printfPipe, scaled, timeout,
  type CaseContext, type RunningProgram,
} from '../../../harness/index.ts';
import { LATE_REPLY_MS, lineOf, markedReply, PATIENT_REPLY_MS, peers } from './support/peers.ts';

const suite = exerciseSuite('udp-uppercase', { group: 'The client', role: 'client' });

// A case about something else than waiting gives the client a long --timeout: on a busy machine a client kept from
// running for a second would give up on a reply already waiting in its socket, and that is not its fault.
const PATIENT = ['--timeout', String(scaled(5000))];

/**
 * The lines that let a student replay a client case: `socklab serve` plays the grader's own server for this case;
 * where netcat can play it too (the reply ready, for a client that sends `replyTo`), its line is given as well. A
 * reply that must come late, or never, needs the grader's server.
 */
function clientRepro(t: CaseContext, port: number, stdin: string, replyTo?: string, args: string[] = []): string[] {
  const netcat = replyTo === undefined ? []
    : [`${printfPipe(markedReply(Buffer.from(replyTo)), `nc -u -l 127.0.0.1 ${port}`)}   # or, instead: netcat plays it, with the grader's reply ready`];
  return [
    `${t.serveCommand(port)}   # in one terminal: the grader's server for this case`,
    ...netcat,
    printfPipe(stdin, t.runCommand('client', ['--port', port, ...args])),
  ];
}

/** Starts the grader's server for this case (support/peers.ts). */
async function startPeer(t: CaseContext) {
  const peer = await t.peer(peers);
  return Object.assign(peer.udp!, { port: peer.port });
}

/** Starts the client on `stdin` and waits for its first datagram: every deadline of a case counts from it. */
async function startClient(t: CaseContext, peer: { port: number; received: Buffer[] }, stdin: string, repro: string[], args: string[] = []) {
  const { program } = await t.start('client', { vars: { port: peer.port }, stdin, args });
  await awaitFirstSign(program, () => peer.received.length > 0, 'sent its datagram', repro);
  return program;
}

/**
 * Checks that the client printed the reply to `line`, where the case judges another feature than printing the reply
 * itself: the client's own uppercase of the line is accepted too, since client-prints-the-reply deducts for it.
 */
function expectReplyPrinted(program: RunningProgram, line: string, details: { hint?: string; contentHint?: string; repro: string[] }): void {
  if (program.stdout.head().toString('utf8').trimEnd() === line.toUpperCase()) return;
  expectStdout(program, `${markedReply(Buffer.from(line))}\n`, { ...details, loose: true });
}

suite.case({ id: 'client-prints-the-reply', level: 'core', name: 'client prints the server\'s reply and a newline, then exits 0', points: 2 }, async (t) => {
  const peer = await startPeer(t);
  const stdin = 'hello udp\n';
  const repro = clientRepro(t, peer.port, stdin, 'hello udp', PATIENT);
  const program = await startClient(t, peer, stdin, repro, PATIENT);
  await expectExit(program, { code: 0, what: 'after printing the reply', repro });
  expectStdout(program, 'HELLO UDP (reply 7)\n', {
    hint: 'Print exactly the reply datagram, decoded as UTF-8, followed by one newline. The grader\'s server added\n' +
      '" (reply 7)" to its reply so that a client which prints its own uppercase instead of the reply shows up.',
    repro,
  });
});

suite.case({ id: 'client-sends-line-without-ending', level: 'core', name: 'client sends the line without its line ending, as one datagram', points: 2 }, async (t) => {
  const peer = await startPeer(t);
  const stdin = 'hello udp\nsecond line is not sent\n';
  const repro = clientRepro(t, peer.port, stdin, 'hello udp', PATIENT);
  const program = await startClient(t, peer, stdin, repro, PATIENT);
  await peer.waitForDatagrams(1, timeout('reply'));
  await expectExit(program, { what: 'after the reply', repro });
  const sent = peer.received[0];
  if (!sent || peer.received.length !== 1 || !sent.equals(Buffer.from('hello udp'))) {
    throw new GradingFailure({
      summary: peer.received.length === 0 ? 'your client sent no datagram'
        : peer.received.length > 1 ? `your client sent ${peer.received.length} datagrams; the contract is one`
          : 'your client\'s datagram is not the first line of stdin without its line ending',
      expected: 'hello udp',
      received: sent ?? Buffer.alloc(0),
      hint: 'Send only the first line, without "\\n" (readline gives lines without their ending), as one datagram.',
      repro,
    });
  }
});

suite.case({ id: 'client-utf8-round-trip', level: 'rfc', name: 'client sends and prints non-ASCII text as UTF-8', points: 1 }, async (t) => {
  const peer = await startPeer(t);
  const stdin = 'grüße, ñandú\n';
  const repro = clientRepro(t, peer.port, stdin, 'grüße, ñandú', PATIENT);
  const program = await startClient(t, peer, stdin, repro, PATIENT);
  await expectExit(program, { code: 0, repro });
  if (lineOf(peer.received[0] ?? Buffer.alloc(0)) !== 'grüße, ñandú') {
    throw new GradingFailure({
      summary: 'your client did not send the line as UTF-8 bytes',
      expected: 'grüße, ñandú',
      received: peer.received[0] ?? Buffer.alloc(0),
      hint: 'Send the line as UTF-8, as it came (Buffer.from(line, "utf8") in Node, line.encode() in Python): "latin1" or\n' +
        '"binary" writes one byte per character, and "ü" (two bytes in UTF-8) becomes one.',
      repro,
    });
  }
  expectReplyPrinted(program, 'grüße, ñandú', { contentHint: 'Decode the reply as UTF-8 before printing it.', repro });
});

suite.case({ id: 'client-last-line-without-newline', level: 'rfc', name: 'client sends a line that ends stdin without a newline', points: 1 }, async (t) => {
  const peer = await startPeer(t);
  const stdin = 'no newline at the end';
  const repro = clientRepro(t, peer.port, stdin, 'no newline at the end', PATIENT);
  const program = await startClient(t, peer, stdin, repro, PATIENT);
  await expectExit(program, { code: 0, what: 'after the reply', repro, hint: 'A last line without "\\n" is still a line: send it when stdin ends.' });
  expectReplyPrinted(program, stdin, {
    hint: 'Send the whole last line, as it is: it has no "\\n" to remove (cutting its last character off, as if it\n' +
      'were a newline, loses a letter). Then print the reply followed by "\\n".',
    repro,
  });
});

suite.case({ id: 'client-times-out', level: 'rfc', name: 'client exits 1 with a message on stderr when no reply comes', points: 2 }, async (t) => {
  const peer = await startPeer(t);
  const stdin = 'is anybody there?\n';
  const repro = clientRepro(t, peer.port, stdin, undefined, ['--timeout', '500']);
  const program = await startClient(t, peer, stdin, repro, ['--timeout', '500']);
  await expectExit(program, {
    code: 1,
    withinMs: 500 + timeout('exit'),
    what: 'after --timeout 500 passed without a reply',
    hint: 'Start a timer when you send (setTimeout with the --timeout value); when it fires, print a message to\n' +
      'stderr, close the socket and exit with code 1. An open socket keeps a Node program alive forever.',
    repro,
  });
  if (lineOf(peer.received[0] ?? Buffer.alloc(0)) !== 'is anybody there?') {
    throw new GradingFailure({
      summary: 'your client exited, but it never sent the line it read as a datagram to the server',
      expected: 'is anybody there?',
      received: peer.received[0] ?? Buffer.alloc(0),
      hint: 'A timeout only means something after a request: send the line first, then wait for the reply.',
      repro,
    });
  }
  if (program.stderr.total === 0) {
    throw new GradingFailure({ summary: 'your client exited 1 but wrote nothing to stderr', hint: 'Tell the user what happened: print a message to stderr before exiting.', repro });
  }
  expectStdout(program, '', { summary: 'your client printed something on stdout although no reply came', repro });
});

suite.case({ id: 'client-waits-for-a-late-reply', alone: true, level: 'rfc', name: 'client waits the default 1000 ms: a reply after 600 ms is printed', points: 2 }, async (t) => {
  // When the grader's own reply leaves late (a busy machine), the check runs again; at worst the case cannot judge.
  await judgeOnTime(async (punctuality) => {
    const peer = await startPeer(t);
    const stdin = 'take your time\n';
    const repro = clientRepro(t, peer.port, stdin);
    const program = await startClient(t, peer, stdin, repro);
    await expectExit(program, { repro });
    try {
      expectStdout(program, 'TAKE YOUR TIME (reply 7)\n', {
        hint: `The grader replied ${LATE_REPLY_MS} ms after your datagram arrived. Without --timeout, wait 1000 ms for the reply\nbefore giving up.`,
        repro,
        loose: true,
      });
    } catch (failure) {
      punctuality.check(`the reply planned ${LATE_REPLY_MS} ms after your datagram`, Math.max(0, ...peer.replyDelays) - LATE_REPLY_MS);
      throw failure;
    }
  });
});

suite.case({ id: 'client-honours-timeout-option', alone: true, level: 'rfc', name: 'client waits as long as --timeout says: a reply after 1500 ms with --timeout 3000', points: 1 }, async (t) => {
  const wait = String(scaled(3000));
  await judgeOnTime(async (punctuality) => {
    const peer = await startPeer(t);
    const stdin = 'patience\n';
    const repro = clientRepro(t, peer.port, stdin, undefined, ['--timeout', wait]);
    const program = await startClient(t, peer, stdin, repro, ['--timeout', wait]);
    await expectExit(program, { withinMs: Number(wait) + timeout('exit'), repro });
    try {
      expectStdout(program, 'PATIENCE (reply 7)\n', {
        hint: `Read the --timeout option (here ${wait} ms) instead of always waiting 1000 ms.`,
        repro,
        loose: true,
      });
    } catch (failure) {
      punctuality.check(`the reply planned ${PATIENT_REPLY_MS} ms after your datagram`, Math.max(0, ...peer.replyDelays) - PATIENT_REPLY_MS);
      throw failure;
    }
  });
});
