// How a session ends (RFC 5321 §4.1.1.10, §3.8, §4.5.3.2): QUIT and 221, a server that gives up (421) or closes,
// a slow server still served, and no server at all.
import { exerciseSuite, GradingFailure, printfPipe, scaled, timeout } from '../../../harness/index.ts';
import { runMail, sessionOf } from './support/client-run.ts';
import { expectClientExit, expectQuit, expectStderrMentions } from './support/dialogue-checks.ts';
import { deliveredMessage } from './support/message-checks.ts';
import { mailArgs, randomMail } from './support/mail-inputs.ts';
import { SLOW_REPLY_MS } from './support/peers.ts';

const suite = exerciseSuite('smtp-client', { group: 'How the session ends' });

suite.case({ id: 'quit-after-delivery', name: 'after the message is accepted: QUIT, the 221 read, then exit 0', points: 1, level: 'core', reference: 'RFC 5321 §4.1.1.10' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await expectClientExit(run, 0, 'after the server accepted the message', 'Exit 0 once QUIT has its 221.');
  const session = await sessionOf(run);
  deliveredMessage(run, session);
  expectQuit(run, session, 'after the message was accepted');
  if (session.clientClosed || session.commands.at(-1)?.verb !== 'QUIT') {
    throw new GradingFailure({
      summary: session.clientClosed ? 'your client closed the connection before the server\'s 221 reply to QUIT' : 'QUIT was not your client\'s last command',
      hint: 'Send "QUIT\\r\\n", read the 221 reply (the server closes after it), then close your side and exit.',
      repro: run.repro,
    });
  }
});

suite.case({ level: 'rfc', id: 'server-421', name: 'a 421 mid-dialogue (the server shutting down): exit 1 with the reply on stderr', points: 2, reference: 'RFC 5321 §3.8, §4.2.3' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  const hint = `The server ${run.plan.about}. 421 means "service not available, closing": whatever the command, the\nsession is over. Print the reply on stderr and exit 1; do not wait for more replies.`;
  await expectClientExit(run, 1, 'after a 421', hint);
  expectStderrMentions(run, ['421'], 'the server\'s 421 reply', hint);
});

suite.case({ level: 'rfc', id: 'server-closes-early', name: 'the server closes the connection without a reply: exit 1 with a message on stderr', points: 1, reference: 'RFC 5321 §3.8' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await expectClientExit(run, 1, 'after the server closed the connection in the middle of the dialogue',
    'A connection that closes before the reply came is a failure: the reply will never come. Notice the socket\'s\n' +
    '\'end\' or \'close\' while you wait for a reply (Python: recv() returns b""), print a message, exit 1.');
  // Any program that exits 1 at once passes the check above; the session shows that this one got as far as MAIL.
  const session = await sessionOf(run);
  if (!session.commands.some((command) => command.verb === 'MAIL')) {
    throw new GradingFailure({
      summary: 'your client exited 1, but it never sent MAIL FROM, where the grader\'s server closes the connection',
      hint: 'Talk to the server first: greeting, EHLO, MAIL FROM. The close comes after that.',
      repro: run.repro,
    });
  }
});

suite.case({ level: 'rfc', id: 'slow-server', name: `a slow server (its reply to the end of data after ${SLOW_REPLY_MS / 1000} s) is still served, exit 0`, points: 2, reference: 'RFC 5321 §4.5.3.2' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await expectClientExit(run, 0, 'after replies that came slowly', 'Servers may be slow: wait at least 10 s for any reply (RFC 5321 §4.5.3.2 allows minutes), and\n' +
    'do not give up on a socket that is merely quiet.', timeout('exit') + scaled(SLOW_REPLY_MS));
  deliveredMessage(run, await sessionOf(run));
});

suite.case({ level: 'rfc', id: 'connection-refused', name: 'no server on the port: exit 1 with a message on stderr', points: 1, reference: 'RFC 5321 §3.8' }, async (t) => {
  const port = await t.freePort();
  const mail = randomMail(t.random, 1);
  const { program } = await t.start('client', { vars: { port }, args: mailArgs(mail), stdin: mail.body });
  t.transcript.note(`nothing listens on 127.0.0.1:${port}`);
  const repro = [`${printfPipe(mail.body, t.runCommand('client', ['--port', port, ...mailArgs(mail)]))}   # nothing listens on port ${port}`];
  await expectClientExit({ program, repro }, 1, 'when the connection was refused',
    'Listen for the socket\'s \'error\' event (ECONNREFUSED): print a message to stderr and exit 1.');
  // Any program that exits 1 at once passes the check above; the message shows that this one tried to connect.
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
});
