// The envelope (RFC 5321 §4.1.1.2, §4.1.1.3, §3.3): MAIL FROM and RCPT TO in their exact syntax, every recipient
// in order, refused recipients skipped, and no DATA when nobody was accepted.
import { exerciseSuite, GradingFailure } from '../../../harness/index.ts';
import { runMail, sessionOf } from './support/client-run.ts';
import { expectClientExit, expectNoCommand, expectQuit, expectStderrMentions, sentLines } from './support/dialogue-checks.ts';
import { deliveredMessage } from './support/message-checks.ts';
import { randomMail } from './support/mail-inputs.ts';

const suite = exerciseSuite('smtp-client', { group: 'The envelope' });

suite.case({ level: 'rfc', id: 'mail-rcpt-syntax', name: 'MAIL FROM:<addr> and RCPT TO:<addr> exactly: angle brackets, no space after the colon', points: 2, reference: 'RFC 5321 §4.1.1.2, §4.1.2' }, async (t) => {
  const mail = randomMail(t.random, 1);
  const run = await runMail(t, mail);
  await expectClientExit(run, 0, 'after the server accepted the message', 'Exit 0 when the end of data got a 2xx.');
  const session = await sessionOf(run);
  const wanted = [`MAIL FROM:<${mail.from}>`, `RCPT TO:<${mail.to[0]}>`];
  const sent = wanted.map((line) => session.commands.find((command) => command.verb === line.slice(0, 4))?.line ?? '(not sent)');
  // Verbs may be in any case (RFC 5321 §2.4); the rest of the line is exact.
  const bad = wanted.findIndex((line, index) => sent[index].replace(/^(mail from|rcpt to):/i, (word) => word.toUpperCase()) !== line);
  if (bad < 0) return;
  throw new GradingFailure({
    summary: `your client's ${wanted[bad].slice(0, 4)} command is not in RFC 5321's syntax`,
    expected: `${wanted[bad]}\r\n`,
    received: `${sent[bad]}\r\n`,
    hint: 'RFC 5321 §4.1.1.2: "MAIL FROM:<reverse-path>", with no space after the colon and the address between < and >.\n' +
      'The textbook\'s transcript shows "MAIL FROM: <alice@crepes.fr>"; many servers accept that, but the RFC\'s\n' +
      'grammar does not, and strict servers answer 501.',
    repro: run.repro,
  });
});

suite.case({ level: 'rfc', id: 'every-recipient-in-order', name: 'one RCPT TO for each --to, in the order given', points: 2, reference: 'RFC 5321 §4.1.1.3' }, async (t) => {
  const mail = randomMail(t.random, t.random.int(3, 5));
  const run = await runMail(t, mail);
  await expectClientExit(run, 0, 'after the server accepted the message', 'Exit 0 when the end of data got a 2xx.');
  const session = await sessionOf(run);
  if (session.accepted.join(' ') === mail.to.join(' ')) return;
  throw new GradingFailure({
    summary: `your client asked for ${session.accepted.length} of the ${mail.to.length} recipients, or in another order`,
    expected: mail.to.map((to) => `RCPT TO:<${to}>`).join(' '),
    received: session.accepted.map((to) => `RCPT TO:<${to}>`).join(' '),
    details: ['the commands your client sent:', ...sentLines(session).map((line) => `  ${line}`)],
    hint: 'Each --to option is one recipient: send "RCPT TO:<address>" for every one of them, in the order given, each\n' +
      'after the reply to the one before. (parseArgs needs `multiple: true` to keep them all.)',
    repro: run.repro,
  });
});

suite.case({ level: 'rfc', id: 'some-recipients-rejected', name: 'recipients refused with 550 and 451 are reported on stderr; the message goes to the rest, exit 0', points: 2, reference: 'RFC 5321 §3.3' }, async (t) => {
  const mail = randomMail(t.random, 3);
  const run = await runMail(t, mail);
  const hint = 'A refused recipient is not fatal: print it on stderr, go on with the next RCPT TO, and send the message to\n' +
    'those accepted (here the first). Only when nobody is accepted is there no DATA.';
  await expectClientExit(run, 0, 'after the message was accepted for the first recipient', hint);
  const session = await sessionOf(run);
  if (session.accepted.length + session.rejected.length < 3) {
    throw new GradingFailure({
      summary: `your client stopped asking after ${session.accepted.length + session.rejected.length} of the 3 recipients`,
      details: ['the commands your client sent:', ...sentLines(session).map((line) => `  ${line}`)],
      hint,
      repro: run.repro,
    });
  }
  deliveredMessage(run, session);
  expectStderrMentions(run, [mail.to[1], mail.to[2]], 'the recipients the server refused', hint);
});

suite.case({ level: 'rfc', id: 'all-recipients-rejected', name: 'no recipient accepted: no DATA, QUIT, exit 1 with the refusal on stderr', points: 2, reference: 'RFC 5321 §3.3' }, async (t) => {
  const mail = randomMail(t.random, 2);
  const run = await runMail(t, mail);
  const hint = 'When every RCPT TO was refused there is nobody to deliver to: do not send DATA; send QUIT, print what\n' +
    'happened on stderr, and exit 1.';
  await expectClientExit(run, 1, 'after every recipient was refused', hint);
  const session = await sessionOf(run);
  expectNoCommand(run, session, 'DATA', 'although the server had refused every recipient', hint);
  expectQuit(run, session, 'after every recipient was refused');
});

suite.case({ level: 'rfc', id: 'mail-refused', name: 'MAIL FROM refused with 550: no RCPT, QUIT, exit 1 with the reply on stderr', points: 1, reference: 'RFC 5321 §4.1.1.2' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  const hint = 'A 5xx to MAIL FROM ends the transaction: send QUIT, print the reply on stderr, exit 1.';
  await expectClientExit(run, 1, 'after MAIL FROM was refused', hint);
  const session = await sessionOf(run);
  expectNoCommand(run, session, 'RCPT', 'although the server had refused MAIL FROM', hint);
  expectQuit(run, session, 'after MAIL FROM was refused');
  expectStderrMentions(run, ['550'], 'the server\'s reply to MAIL FROM', hint);
});
