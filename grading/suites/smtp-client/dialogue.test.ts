// The SMTP dialogue (RFC 5321 §3.1–§3.3, §4.1.1.1, §4.2): the server speaks first, every reply is read whole, one
// command at a time, EHLO with a fallback to HELO, and decisions made on reply codes.
import { exerciseSuite, GradingFailure, scaled, timeout } from '../../../harness/index.ts';
import { runMail, sessionOf } from './support/client-run.ts';
import { expectClientExit, expectNoCommand, expectQuit, expectStderrMentions, expectTurnsKept, expectVerbs } from './support/dialogue-checks.ts';
import { deliveredMessage } from './support/message-checks.ts';
import { randomMail } from './support/mail-inputs.ts';

const suite = exerciseSuite('smtp-client', { group: 'The dialogue' });

const DIALOGUE_HINT = 'The dialogue is: read the 220 greeting; EHLO (or HELO) and its reply; MAIL FROM:<from> and its reply;\n' +
  'RCPT TO:<to> and its reply; DATA and its 354; the message and "." alone on a line, and its reply; QUIT.';

suite.case({ id: 'core-dialogue', name: 'the textbook dialogue with one recipient: greeting, EHLO, MAIL, RCPT, DATA, the message; exit 0', points: 3, level: 'core', reference: 'RFC 5321 §3.3' }, async (t) => {
  const mail = randomMail(t.random, 1);
  const run = await runMail(t, mail);
  await expectClientExit(run, 0, 'after the server accepted the message', 'Exit 0 when the reply to the end of data is 2xx: the message was accepted.\n' + DIALOGUE_HINT);
  const session = await sessionOf(run);
  const hello = session.commands[0]?.verb === 'HELO' ? 'HELO' : 'EHLO'; // the textbook lab says HELO; ehlo-first asks for EHLO
  expectVerbs(run, session, [hello, 'MAIL', 'RCPT', 'DATA'], DIALOGUE_HINT, ['QUIT']);
  if (session.mailFrom !== mail.from || session.accepted.join() !== mail.to.join()) {
    throw new GradingFailure({
      summary: 'your client\'s envelope does not carry the --from and --to addresses it was given',
      expected: `MAIL FROM:<${mail.from}> RCPT TO:<${mail.to[0]}>`,
      received: `MAIL FROM:<${session.mailFrom ?? ''}> RCPT TO:<${session.accepted.join('> RCPT TO:<')}>`,
      hint: 'Put the --from address in MAIL FROM:<…> and the --to address in RCPT TO:<…>, between angle brackets.',
      repro: run.repro,
    });
  }
  deliveredMessage(run, session);
});

suite.case({ id: 'waits-for-greeting', name: 'sends nothing before the server\'s 220 greeting (which comes after 1 s)', points: 2, level: 'core', reference: 'RFC 5321 §3.1' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await run.program.waitForExit(timeout('exit') + scaled(3000));
  expectTurnsKept(run, await sessionOf(run));
  await expectClientExit(run, 0, 'after a greeting that came late', DIALOGUE_HINT);
});

suite.case({ level: 'rfc', id: 'ehlo-first', name: 'opens with EHLO and the --helo name (localhost when none is given)', points: 1, reference: 'RFC 5321 §4.1.1.1' }, async (t) => {
  const helo = t.random.pick([undefined, `client-${t.random.string(5, 'abcdefghijklmnopqrstuvwxyz')}.example`]);
  const mail = randomMail(t.random, 1, { helo });
  const run = await runMail(t, mail);
  await expectClientExit(run, 0, 'after the server accepted the message', DIALOGUE_HINT);
  const first = (await sessionOf(run)).commands[0]?.line ?? '';
  const want = `EHLO ${helo ?? 'localhost'}`;
  if (first.replace(/^ehlo/i, 'EHLO') !== want) {
    throw new GradingFailure({
      summary: 'your client\'s first command is not EHLO with the helo name',
      expected: `${want}\r\n`,
      received: `${first}\r\n`,
      hint: `Open with "EHLO <name>": the --helo option's value${helo ? '' : ' (none was given here: use "localhost")'}. HELO is only the fallback\nfor a server that refuses EHLO with 500, 502 or 504.`,
      repro: run.repro,
    });
  }
});

suite.case({ level: 'rfc', id: 'multi-line-greeting', name: 'reads a three-line 220 greeting whole before sending EHLO', points: 2, reference: 'RFC 5321 §4.2.1' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await run.program.waitForExit(timeout('exit') + scaled(3000));
  expectTurnsKept(run, await sessionOf(run));
  await expectClientExit(run, 0, 'after a multi-line greeting', DIALOGUE_HINT);
});

suite.case({ level: 'rfc', id: 'multi-line-ehlo', name: 'reads a five-line 250 reply to EHLO whole before sending MAIL', points: 2, reference: 'RFC 5321 §4.2.1' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await run.program.waitForExit(timeout('exit') + scaled(3000));
  expectTurnsKept(run, await sessionOf(run));
  await expectClientExit(run, 0, 'after a multi-line reply to EHLO', DIALOGUE_HINT);
});

suite.case({ level: 'rfc', id: 'no-pipelining', name: 'one command at a time even when the server offers PIPELINING and answers slowly', points: 2, reference: 'RFC 5321 §4.2, RFC 2920' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 2));
  await run.program.waitForExit(timeout('exit') + scaled(5000));
  expectTurnsKept(run, await sessionOf(run));
  await expectClientExit(run, 0, 'after slow replies', DIALOGUE_HINT);
});

suite.case({ level: 'rfc', id: 'helo-fallback', name: 'falls back to HELO when EHLO is refused with 500, 502 or 504, and delivers', points: 2, reference: 'RFC 5321 §4.1.1.1, §3.2' }, async (t) => {
  const mail = randomMail(t.random, 1);
  const run = await runMail(t, mail);
  const hint = `This server is an old one: it refused EHLO (${run.plan.about}). Send "HELO <name>" then, and go on as usual.`;
  await expectClientExit(run, 0, 'after HELO was accepted and the message delivered', hint);
  const session = await sessionOf(run);
  expectVerbs(run, session, ['EHLO', 'HELO', 'MAIL', 'RCPT', 'DATA', 'QUIT'], hint);
});

suite.case({ level: 'rfc', id: 'hello-refused', name: 'EHLO and HELO both refused: QUIT, the reply on stderr, exit 1', points: 1, reference: 'RFC 5321 §4.1.1.1' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  await expectClientExit(run, 1, 'after EHLO and HELO were both refused', 'Without a 250 to EHLO or HELO the session cannot go on: send QUIT, print the reply, exit 1.');
  const session = await sessionOf(run);
  expectNoCommand(run, session, 'MAIL', 'although the server refused both EHLO and HELO', 'Stop after a refused HELO: send QUIT and exit 1.');
  expectQuit(run, session, 'after HELO was refused');
  expectStderrMentions(run, ['550'], 'the server\'s refusal', 'Print the server\'s failing reply (its code and text) on stderr.');
});

suite.case({ level: 'rfc', id: 'acts-on-code-not-text', name: 'decides on reply codes, not words: a 250 without "OK" accepts, a 550 saying "OK" refuses', points: 2, reference: 'RFC 5321 §4.2' }, async (t) => {
  const mail = randomMail(t.random, 2);
  const run = await runMail(t, mail);
  const hint = 'The reply\'s three-digit code is what it means (2xx yes, 3xx go on, 4xx/5xx no); its text is for people and\n' +
    'can say anything. This server words its replies oddly: "550 … not OK …", "250 … no error".';
  await expectClientExit(run, 0, 'after the second recipient was accepted and the message delivered', hint);
  expectStderrMentions(run, [mail.to[0]], 'the first recipient was refused with 550', hint);
  const stderr = run.program.stderr.head().toString('utf8');
  if (stderr.includes(mail.to[1])) {
    throw new GradingFailure({ summary: `your client reports ${mail.to[1]} as refused, but the server accepted it with 250`, received: stderr, hint, repro: run.repro });
  }
});
