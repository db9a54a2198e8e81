// The TCP uppercase client's contract (textbook 2.7.2): the grader plays the server, answering with marked lines.
import {
  exerciseSuite, expectExit, expectStdout, GradingFailure, printfPipe, scaled, timeout, type RunningProgram,
} from '../../../harness/index.ts';
import { expectAnswers, expectSent, markedAnswers, runClient } from './support/client-run.ts';
import { SLOW_ANSWER_MS } from './support/peers.ts';

const suite = exerciseSuite('tcp-uppercase', { group: 'The client', role: 'client' });

const MARK_HINT = 'Print each line the server answers, as it is, followed by "\\n". The grader\'s server adds\n' +
  '" (answer N)" to its answers so that a client which prints its own uppercase instead shows up.';

suite.case({ id: 'client-sends-lines-prints-answers', level: 'core', name: 'client sends every line of stdin and prints every answer in order, then exits 0', points: 3 }, async (t) => {
  const lines = ['hello tcp', 'second line', 'third, and last'];
  const stdin = lines.map((line) => `${line}\n`).join('');
  const { peer, program, repro } = await runClient(t, stdin);
  await expectExit(program, { code: 0, what: 'after the server answered every line and closed', repro });
  expectSent(peer, stdin, { repro });
  expectAnswers(program, markedAnswers(lines), { hint: MARK_HINT, repro, exact: true });
});

suite.case({ id: 'client-waits-for-slow-answers', level: 'rfc', name: 'client waits for answers that come after stdin has ended', points: 2 }, async (t) => {
  const delay = scaled(SLOW_ANSWER_MS);
  const lines = ['slow', 'and steady'];
  const { program, repro } = await runClient(t, 'slow\nand steady\n', { netcat: false });
  await expectExit(program, { code: 0, withinMs: 2 * delay + timeout('exit'), repro });
  expectAnswers(program, markedAnswers(lines), {
    hint: `The grader's server waited ${delay} ms before each answer. Do not exit when stdin ends: end your sending\n` +
      'side (socket.end()) and keep reading; the server closes its side after its last answer, and only then is\n' +
      'the client done.',
    repro,
  });
});

suite.case({ id: 'client-reassembles-split-answers', level: 'rfc', name: 'client prints answers that arrive in tiny pieces as whole lines', points: 2 }, async (t) => {
  const lines = ['split me up', 'grüße, 😀'];
  const stdin = lines.map((line) => `${line}\n`).join('');
  const { program, repro } = await runClient(t, stdin, { netcat: false });
  await expectExit(program, { code: 0, repro });
  expectAnswers(program, markedAnswers(lines), {
    hint: 'The grader\'s server sent each answer 3 bytes at a time. A \'data\' event holds whatever has arrived, not a\n' +
      'line: printing each chunk with console.log adds newlines, and decoding each chunk on its own breaks a\n' +
      'character cut between two chunks. Collect the bytes into lines (readline on the socket does it).',
    repro,
  });
});

suite.case({ id: 'client-many-lines', level: 'rfc', name: 'client sends 500 lines and prints their 500 answers in order', points: 2 }, async (t) => {
  const lines = Array.from({ length: 500 }, (_, n) => `line ${n + 1} ${t.random.string(t.random.int(0, 40))}`);
  const stdin = lines.map((line) => `${line}\n`).join('');
  const { peer, program } = await runClient(t, stdin);
  // The lines are seeded; 500 lines like them make the same exchange with the same server.
  const port = peer.port;
  const repro = [
    `${t.serveCommand(port)}   # in one terminal: the grader's server for this case`,
    `seq 500 | sed 's/^/line /' | ${t.runCommand('client', ['--port', port])}`,
  ];
  await expectExit(program, { code: 0, what: 'after 500 answers', repro });
  expectSent(peer, stdin, { repro });
  expectAnswers(program, markedAnswers(lines), {
    hint: 'Answers arrive as a stream: one read may hold many of them, or end in the middle of one, and more may\n' +
      'follow. Keep reading until the server closes, and print each complete line.',
    repro,
  });
});

suite.case({ id: 'client-empty-stdin', level: 'rfc', name: 'client exits 0 and prints nothing when stdin is empty', points: 1 }, async (t) => {
  const { program, repro } = await runClient(t, '');
  await expectExit(program, {
    code: 0,
    what: 'with empty stdin',
    hint: 'With no line to send, there is no answer to wait for: when stdin ends, end your side of the connection\n' +
      '(socket.end()); the server then closes its side, and the program ends.',
    repro,
  });
  expectStdout(program, '', { summary: 'your client printed something although stdin was empty', repro });
});

suite.case({ id: 'client-utf8', level: 'rfc', name: 'client sends and prints non-ASCII text as UTF-8', points: 1 }, async (t) => {
  const lines = ['grüße, ñandú, σίσυφος'];
  const stdin = `${lines[0]}\n`;
  const { peer, program, repro } = await runClient(t, stdin);
  await expectExit(program, { code: 0, repro });
  expectSent(peer, stdin, { hint: 'Encode the line as UTF-8 (Buffer.from(line, "utf8"), the default of socket.write(string)).', repro });
  expectAnswers(program, markedAnswers(lines), { hint: 'Decode the answers as UTF-8 before printing them.', repro });
});

suite.case({ id: 'client-last-line-without-newline', level: 'rfc', name: 'client sends a last line that has no newline and prints its answer', points: 1 }, async (t) => {
  const lines = ['first', 'no newline at the end'];
  const { program, repro } = await runClient(t, 'first\nno newline at the end');
  await expectExit(program, { code: 0, repro });
  expectAnswers(program, markedAnswers(lines), {
    hint: 'A last line without "\\n" is still a line: send it too. (Splitting stdin on "\\n" and dropping the last\n' +
      'piece loses it.)',
    repro,
  });
});

/** Exit 1 and a message on stderr: how the contract wants a connection problem reported. */
async function expectReportedFailure(program: RunningProgram, what: string, hint: string, repro: string[]): Promise<void> {
  await expectExit(program, { code: 1, what, hint, repro });
  if (program.stderr.total === 0) {
    throw new GradingFailure({ summary: `your client exited 1 ${what} but wrote nothing to stderr`, hint: 'Tell the user what happened: print a message to stderr before exiting.', repro });
  }
}

suite.case({ id: 'client-connection-refused', level: 'rfc', name: 'client exits 1 with a message on stderr when the connection is refused', points: 2 }, async (t) => {
  const port = await t.freePort();
  const stdin = 'is anybody there?\n';
  const { program } = await t.start('client', { vars: { port }, stdin });
  t.transcript.note(`nothing listens on 127.0.0.1:${port}`);
  const repro = [`${printfPipe(stdin, t.runCommand('client', ['--port', port]))}   # nothing listens on port ${port}`];
  await expectReportedFailure(program, 'when the connection was refused',
    'Listen for the socket\'s \'error\' event (ECONNREFUSED): print a message to stderr and exit with code 1\n' +
    '(process.exit(1)). Without a listener, Node prints a stack trace; with one that only logs, it may exit 0.', repro);
  // Any program that exits 1 at once passes the checks above; the message shows that this one tried to connect.
  const message = program.stderr.head().toString('utf8');
  if (!/refused|connect/i.test(message)) {
    throw new GradingFailure({
      summary: 'your client exited 1, but its message on stderr does not say that the connection failed',
      received: message,
      hint: 'Say what happened, e.g. print the error\'s own message: `connect ECONNREFUSED 127.0.0.1:PORT` (Node),\n' +
        '`[Errno 111] Connection refused` (Python). The grader looks for "refused" or "connect" in it.',
      repro,
    });
  }
  expectStdout(program, '', { summary: 'your client printed something on stdout although it never connected', repro });
});

suite.case({ id: 'client-connection-reset', level: 'rfc', name: 'client exits 1 with a message on stderr when the server resets the connection', points: 2 }, async (t) => {
  const stdin = 'first\nsecond\nthird\n';
  const { program, peer, repro } = await runClient(t, stdin, { netcat: false });
  await expectReportedFailure(program, 'after the server reset the connection',
    'A reset (ECONNRESET) means the answers will never come: it is an error, not the normal end. Print a message\n' +
    'to stderr and exit with code 1, as for a refused connection. With one thread sending and another reading, the\n' +
    'reset is reported once, to whichever calls first: a send may get it, and the read then sees a plain end.', repro);
  const sent = peer.connections[0]?.receivedBytes ?? Buffer.alloc(0);
  if (!sent.subarray(0, 6).equals(Buffer.from('first\n'))) {
    throw new GradingFailure({
      summary: 'your client exited 1, but it never sent the first line, so the grader never reset anything',
      expected: 'first\n',
      received: sent,
      hint: 'The grader resets the connection when the first line arrives. Connect and send the lines first; the\n' +
        'reset comes after that.',
      repro,
    });
  }
});
