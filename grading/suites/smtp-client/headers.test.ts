// The message's header fields (RFC 5322 §3.6, RFC 2047), read by mailparser as a mail program would read them.
import { escapeBytes, exerciseSuite, GradingFailure } from '../../../harness/index.ts';
import type { ClientRun } from './support/client-run.ts';
import { runMail, sessionOf } from './support/client-run.ts';
import { expectClientExit } from './support/dialogue-checks.ts';
import { deliveredMessage, parseMessage, rawHeader, splitMessage } from './support/message-checks.ts';
import { randomMail, randomSentence } from './support/mail-inputs.ts';

const suite = exerciseSuite('smtp-client', { group: 'The header fields' });

const ACCEPTED = 'Exit 0 when the reply to the end of data is 2xx.';
const DAY_MS = 24 * 3600 * 1000;
/** RFC 5322 §3.3 date-time without the obsolete forms (§4.3 says they must not be generated): a numeric zone. */
const DATE_TIME = /^(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), )?\d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? [+-]\d{4}$/;
/** RFC 5322 §3.6.4 msg-id in its common form: "<" dot-atom-text "@" dot-atom-text ">". */
const ATOM = "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(?:\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*";
const MSG_ID = new RegExp(`^<${ATOM}@${ATOM}>$`);

async function headersOf(run: ClientRun) {
  await expectClientExit(run, 0, 'after the server accepted the message', ACCEPTED);
  const message = deliveredMessage(run, await sessionOf(run));
  return { head: splitMessage(message.message).head, parsed: await parseMessage(message) };
}

suite.case({ id: 'required-headers', name: 'From, To (every recipient), Subject, Date and Message-ID, as mailparser reads them', points: 3, level: 'core', reference: 'RFC 5322 §3.6' }, async (t) => {
  const mail = randomMail(t.random, 2);
  const run = await runMail(t, mail);
  const { head, parsed } = await headersOf(run);
  const date = parsed.headers.get('date') as Date | undefined;
  const problems = [
    parsed.from?.value[0]?.address !== mail.from && `From should be ${mail.from}, mailparser read ${JSON.stringify(parsed.from?.text ?? null)}`,
    [parsed.to ?? []].flat().flatMap((to) => to.value.map((a) => a.address)).join(', ') !== mail.to.join(', ') &&
      `To should list ${mail.to.join(', ')}, mailparser read ${JSON.stringify([parsed.to ?? []].flat().map((to) => to.text).join(', ') || null)}`,
    parsed.subject !== mail.subject && `Subject should be ${JSON.stringify(mail.subject)}, mailparser read ${JSON.stringify(parsed.subject ?? null)}`,
    !(date instanceof Date && Math.abs(date.getTime() - Date.now()) < DAY_MS) && `Date should be the time of sending, mailparser read ${JSON.stringify(rawHeader(head, 'Date') ?? null)}`,
    !MSG_ID.test(parsed.messageId ?? '') && `Message-ID should be <unique@domain>, mailparser read ${JSON.stringify(parsed.messageId ?? null)}`,
  ].filter((problem): problem is string => typeof problem === 'string');
  if (problems.length === 0) return;
  throw new GradingFailure({
    summary: `the message's header fields are not what the contract asks (${problems.length} problem${problems.length > 1 ? 's' : ''})`,
    details: [...problems, 'the header block your client sent:', ...head.split('\n').filter(Boolean).map((line) => `  ${escapeBytes(`${line}\n`)}`)],
    hint: 'Start the message with one "Name: value\\r\\n" line per field: From, To (the recipients, joined by ", "),\n' +
      'Subject, Date, Message-ID; then an empty line ("\\r\\n"), then the body.',
    repro: run.repro,
  });
});

suite.case({ level: 'rfc', id: 'date-header', name: 'Date is an RFC 5322 date-time with a numeric zone, such as "Sun, 29 Nov 2026 21:46:00 +0000"', points: 1, reference: 'RFC 5322 §3.3, §4.3' }, async (t) => {
  const run = await runMail(t, randomMail(t.random, 1));
  const { head } = await headersOf(run);
  const value = rawHeader(head, 'Date') ?? '(no Date field)';
  if (DATE_TIME.test(value.trim()) && Math.abs(Date.parse(value) - Date.now()) < DAY_MS) return;
  throw new GradingFailure({
    summary: 'the Date field is not an RFC 5322 date-time of the moment of sending',
    expected: `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`,
    received: `Date: ${value}`,
    hint: 'RFC 5322 §3.3: "Sun, 29 Nov 2026 21:46:00 +0000" (day name optional). The zone is a number: "GMT" is\n' +
      'obsolete syntax that §4.3 says must not be generated, and toISOString()\'s "2026-11-29T21:46:00Z" is not an\n' +
      'e-mail date at all. new Date().toUTCString().replace("GMT", "+0000") gives the right form.',
    repro: run.repro,
  });
});

suite.case({ level: 'rfc', id: 'message-id-unique', name: 'Message-ID differs from one run to the next', points: 1, reference: 'RFC 5322 §3.6.4' }, async (t) => {
  const ids: string[] = [];
  const runs: ClientRun[] = [];
  const mail = randomMail(t.random, 1); // the same mail twice: only the run differs
  for (let attempt = 0; attempt < 2; attempt++) {
    const run = await runMail(t, mail);
    runs.push(run);
    ids.push((await headersOf(run)).parsed.messageId ?? '(none)');
  }
  if (ids[0] !== ids[1]) return;
  throw new GradingFailure({
    summary: 'your client gave two different messages, sent by two runs, the same Message-ID',
    details: [`first run:  Message-ID: ${ids[0]}`, `second run: Message-ID: ${ids[1]}`],
    hint: 'A Message-ID identifies one message forever (RFC 5322 §3.6.4: "globally unique"). Make its left part\n' +
      'random or time-based for every run: `<${crypto.randomUUID()}@your.domain>`.',
    repro: runs[1].repro,
  });
});

suite.case({ level: 'rfc', id: 'non-ascii-subject', name: 'a non-ASCII Subject is sent as RFC 2047 encoded-words, and reads back the same', points: 2, reference: 'RFC 2047 §2, RFC 5322 §2.2' }, async (t) => {
  const subject = `${t.random.pick(['Grüße', 'Café', 'Ñandú', 'Σίσυφος', 'Привет'])} ${randomSentence(t.random, 2)} ${t.random.pick(['✓', '😀', 'ß'])}`;
  const mail = randomMail(t.random, 1, { subject });
  const run = await runMail(t, mail);
  const { head, parsed } = await headersOf(run);
  const raw = Buffer.from(head);
  const nonAscii = raw.findIndex((byte) => byte > 0x7e || (byte < 0x20 && byte !== 0x0d && byte !== 0x0a && byte !== 0x09));
  const hint = 'Header fields are ASCII (RFC 5322 §2.2). Send a Subject that is not ASCII as an RFC 2047 encoded-word:\n' +
    '"=?UTF-8?B?" + Buffer.from(subject, "utf8").toString("base64") + "?=" (an encoded-word is at most 75\n' +
    'characters: split a long subject into several, separated by "\\r\\n ").';
  if (nonAscii >= 0) {
    throw new GradingFailure({ summary: 'the header block holds bytes that are not ASCII: the Subject was sent raw', received: head, hint, repro: run.repro });
  }
  if (parsed.subject === subject) return;
  throw new GradingFailure({ summary: 'the encoded Subject does not decode to the --subject given', expected: subject, received: parsed.subject ?? '(no Subject)', details: [`Subject as sent: ${rawHeader(head, 'Subject') ?? '(none)'}`], hint, repro: run.repro });
});
