// The message transfer (RFC 5321 §4.1.1.4, §4.5.2, §2.3.8): the body intact, CRLF everywhere, dot-stuffing, a final
// line ending, and what a refused DATA or a refused message means.
import { escapeBytes, exerciseSuite, GradingFailure } from '../../../harness/index.ts';
import { runMail, sessionOf } from './support/client-run.ts';
import { expectClientExit, expectQuit, expectStderrMentions } from './support/dialogue-checks.ts';
import { deliveredMessage, expectedBody, lenientLines, splitMessage } from './support/message-checks.ts';
import { randomBody, randomMail, randomSentence } from './support/mail-inputs.ts';

const suite = exerciseSuite('smtp-client', { group: 'The message' });

const ACCEPTED = 'Exit 0 when the reply to the end of data is 2xx.';

suite.case({ id: 'message-body', name: 'the body (stdin) arrives whole after the headers and an empty line', points: 2, level: 'core', reference: 'RFC 5322 §2.1' }, async (t) => {
  const mail = randomMail(t.random, 1, { body: randomBody(t.random, t.random.int(4, 12)) });
  const run = await runMail(t, mail);
  await expectClientExit(run, 0, 'after the server accepted the message', ACCEPTED);
  const { body } = splitMessage(deliveredMessage(run, await sessionOf(run)).message);
  // Line endings are judged by crlf-line-endings; here only the text counts.
  if (lenientLines(body) === lenientLines(mail.body)) return;
  throw new GradingFailure({
    summary: 'the body the server received is not the text your client read from stdin',
    expected: lenientLines(mail.body),
    received: lenientLines(body),
    hint: 'Read all of stdin (it may come in several chunks) and send it after the headers and one empty line.',
    repro: run.repro,
  });
});

suite.case({ level: 'rfc', id: 'crlf-line-endings', name: 'every line ends in CRLF: commands, headers, and a body with bare LF and bare CR normalised', points: 2, reference: 'RFC 5321 §2.3.8, §4.1.1.4' }, async (t) => {
  const body = `${randomSentence(t.random)}\n${randomSentence(t.random)}\r${randomSentence(t.random)}\r\n${randomSentence(t.random)}\n`;
  const run = await runMail(t, randomMail(t.random, 1, { body }));
  await expectClientExit(run, 0, 'after the server accepted the message', ACCEPTED);
  const session = await sessionOf(run);
  const [fault] = session.malformed;
  if (fault) {
    const where = fault.line <= session.commands.length ? 'a command' : 'a line of the message';
    throw new GradingFailure({
      summary: `${where} your client sent has a ${fault.problem}: line ${fault.line} of what it sent`,
      received: fault.text,
      details: [`the line as it should be: ${escapeBytes(fault.text.toString('utf8').replace(/\r?\n$/, '').replace(/\r/g, '\r\n') + '\r\n')}`],
      hint: 'SMTP lines end in "\\r\\n" (CR LF), never "\\n" alone, commands and message alike. Stdin here has a bare\n' +
        '"\\n" and a bare "\\r" in the body: turn each line ending of any kind into "\\r\\n"\n' +
        '(text.replace(/\\r\\n|\\r|\\n/g, "\\r\\n")).',
      repro: run.repro,
    });
  }
  const received = splitMessage(deliveredMessage(run, session).message).body;
  if (received === expectedBody(body)) return;
  throw new GradingFailure({ summary: 'the body did not arrive with CRLF line endings', expected: expectedBody(body), received, repro: run.repro });
});

suite.case({ level: 'rfc', id: 'dot-stuffing', name: 'body lines starting with "." are dot-stuffed: ".", "..x", ".x" in the middle and "." as the last line', points: 2, reference: 'RFC 5321 §4.5.2' }, async (t) => {
  const words = () => randomSentence(t.random, 3);
  const body = `${words()}\n.\n..${words()}\n${words()}\n.${words()}\n${words()}\n.\n`;
  const run = await runMail(t, randomMail(t.random, 1, { body }));
  const hint = 'A line "." ends the message, so the client doubles the "." of every line that starts with one\n' +
    '(".x" → "..x", "." → ".."), and the server removes it again. Without it, a body line "." cuts the message\n' +
    'and the rest of the body arrives as commands.';
  await expectClientExit(run, 0, 'after the server accepted the message', hint);
  const session = await sessionOf(run);
  const received = splitMessage(deliveredMessage(run, session).message).body;
  if (lenientLines(received) === lenientLines(body) && session.commands.every((command) => /^[A-Za-z]{4}\b/.test(command.line))) return;
  throw new GradingFailure({
    summary: 'the body the server received, with dot-stuffing undone, is not the body on stdin',
    expected: lenientLines(body),
    received: lenientLines(received),
    hint,
    repro: run.repro,
  });
});

suite.case({ level: 'rfc', id: 'final-line-ending', name: 'a body without a final newline gets CRLF before the "." line', points: 1, reference: 'RFC 5321 §4.1.1.4' }, async (t) => {
  const body = `${randomSentence(t.random)}\n${randomSentence(t.random)}`;
  const run = await runMail(t, randomMail(t.random, 1, { body }));
  const hint = 'The end of data is "\\r\\n.\\r\\n": a "." alone on its own line. When the body does not end with a line\n' +
    'ending, add "\\r\\n" before the "."; otherwise the "." joins the last line and the server keeps waiting.';
  await expectClientExit(run, 0, 'after the server accepted the message', hint);
  const { raw } = deliveredMessage(run, await sessionOf(run));
  const tail = Buffer.from(`${body.split('\n').at(-1)}\r\n.\r\n`);
  if (raw.subarray(raw.length - tail.length).equals(tail)) return;
  throw new GradingFailure({ summary: 'the message did not end with the body\'s last line, CRLF, then "." alone on a line', expected: tail, received: raw.subarray(Math.max(0, raw.length - tail.length - 10)), hint, repro: run.repro });
});

suite.case({ level: 'rfc', id: 'data-refused', name: 'DATA refused with 554: no message, QUIT, exit 1 with the reply on stderr', points: 1, reference: 'RFC 5321 §4.1.1.4' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  const hint = 'Only a 354 reply invites the message. Any other reply to DATA: send QUIT, print it on stderr, exit 1.';
  await expectClientExit(run, 1, 'after DATA was refused', hint);
  const session = await sessionOf(run);
  if (session.commands.some((command) => !/^[A-Za-z]{4}\b/.test(command.line))) {
    throw new GradingFailure({ summary: 'your client sent the message although DATA was refused', details: session.commands.map((command) => `  C: ${command.line}`), hint, repro: run.repro });
  }
  expectQuit(run, session, 'after DATA was refused');
  expectStderrMentions(run, ['554'], 'the server\'s reply to DATA', hint);
});

suite.case({ level: 'rfc', id: 'end-of-data-refused', name: 'the message refused (554 or 451): QUIT, exit 1 with the reply on stderr', points: 2, reference: 'RFC 5321 §4.1.1.4, §4.2.5' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  const code = run.plan.about.slice(-3);
  const hint = `The reply to the end of data decides: here ${code}, so the message was not accepted. Send QUIT, print the\nreply on stderr, exit 1.`;
  await expectClientExit(run, 1, `after the message was refused with ${code}`, hint);
  const session = await sessionOf(run);
  expectQuit(run, session, 'after the message was refused');
  expectStderrMentions(run, [code], 'the server\'s reply to the end of data', hint);
});
