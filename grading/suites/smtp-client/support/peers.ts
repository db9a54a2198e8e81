// The grader's mail server for each client case, declared once: the cases (and `socklab serve smtp-client`) start
// these. Each is built from the case's own seeded stream, so the same --seed gives the same server.
import { scaled, type PeerTable } from '../../../../harness/index.ts';
import { multiline, SERVER_NAME, smtpPlan, type SmtpPlan, type SmtpScript } from '../../../../harness/smtp/index.ts';

/** How long the slow server waits before its answer to the end of data (before scaling). */
export const SLOW_REPLY_MS = 2000;
/** The pause between the lines of a multi-line reply, long enough for an early command to arrive inside it. */
export const LINE_GAP_MS = 200;

const plain = (about: string, script: SmtpScript = {}) => (): SmtpPlan => smtpPlan(about, script);

/** case id → its server (the default `serve` starts is the core dialogue's). */
export const peers: PeerTable<SmtpPlan> = {
  default: 'core-dialogue',
  cases: {
    'core-dialogue': plain('a willing mail server: 220, 250 to EHLO (three lines), 250, 250, 354, 250, 221'),
    'waits-for-greeting': plain('greets only after 1 s (scaled)', { delayMs: { greeting: scaled(1000) } }),
    'ehlo-first': plain('a willing mail server'),
    'multi-line-greeting': plain('greets with a three-line 220, pausing between its lines', {
      replies: { greeting: multiline(220, [`${SERVER_NAME} ESMTP`, 'socklab grader: no unsolicited commands, please', 'ready']) },
      lineGapMs: scaled(LINE_GAP_MS),
    }),
    'multi-line-ehlo': plain('answers EHLO with a five-line 250, pausing between its lines', {
      replies: { ehlo: multiline(250, [`${SERVER_NAME} greets you`, '8BITMIME', 'SIZE 10240000', 'ENHANCEDSTATUSCODES', 'HELP']) },
      lineGapMs: scaled(LINE_GAP_MS),
    }),
    'no-pipelining': plain('offers PIPELINING but answers MAIL, RCPT and DATA only after 200 ms (scaled)', {
      replies: { ehlo: multiline(250, [SERVER_NAME, 'PIPELINING', '8BITMIME']) },
      delayMs: { mail: scaled(200), rcpt: scaled(200), data: scaled(200) },
    }),
    'helo-fallback': (random) => {
      const code = random.pick([500, 502, 504]);
      return smtpPlan(`an old server: refuses EHLO with ${code}, accepts HELO`, { replies: { ehlo: [`${code} 5.5.1 EHLO not supported here`] } });
    },
    'hello-refused': plain('refuses EHLO with 502 and HELO with 550', {
      replies: { ehlo: ['502 5.5.1 EHLO not implemented'], helo: ['550 5.7.1 you are not welcome here'] },
    }),
    'acts-on-code-not-text': plain('replies whose words mislead (a 250 with no "OK", a 550 that says "OK")', {
      replies: {
        greeting: [`220 ${SERVER_NAME} ESMTP no errors, no problems`],
        mail: ['250 2.1.0 sender accepted'],
        'end-of-data': ['250 2.0.0 queued as 7F3A2B, no error'],
      },
      rcpt: (_, index) => [index === 0 ? '550 5.1.1 not OK: no such user here' : '250 2.1.5 recipient accepted'],
    }),
    'mail-rcpt-syntax': plain('a willing mail server'),
    'every-recipient-in-order': plain('a willing mail server'),
    'some-recipients-rejected': plain('refuses the second recipient with 550 and the third with 451', {
      rcpt: (_, index) => [index === 1 ? '550 5.1.1 no such user' : index === 2 ? '451 4.2.0 mailbox busy, try later' : '250 2.1.5 OK'],
    }),
    'all-recipients-rejected': (random) => {
      const code = random.pick([450, 550, 553]);
      return smtpPlan(`refuses every recipient with ${code}`, { rcpt: () => [`${code} ${code < 500 ? '4.2.1' : '5.1.1'} mailbox unavailable`] });
    },
    'mail-refused': plain('refuses MAIL FROM with 550', { replies: { mail: ['550 5.7.1 sender rejected'] } }),
    'message-body': plain('a willing mail server'),
    'crlf-line-endings': plain('a willing mail server'),
    'dot-stuffing': plain('a willing mail server'),
    'final-line-ending': plain('a willing mail server'),
    'data-refused': plain('refuses DATA with 554', { replies: { data: ['554 5.3.4 no DATA today'] } }),
    'end-of-data-refused': (random) => {
      const reply = random.pick(['554 5.7.1 message rejected as spam', '451 4.3.0 temporary failure, try again later']);
      return smtpPlan(`answers the end of data with ${reply.slice(0, 3)}`, { replies: { 'end-of-data': [reply] } });
    },
    'required-headers': plain('a willing mail server'),
    'date-header': plain('a willing mail server'),
    'message-id-unique': plain('a willing mail server'),
    'non-ascii-subject': plain('a willing mail server'),
    'quit-after-delivery': plain('a willing mail server'),
    'server-421': (random) => {
      const step = random.pick(['mail', 'rcpt', 'data'] as const);
      return smtpPlan(`answers ${step === 'mail' ? 'MAIL FROM' : step === 'rcpt' ? 'RCPT TO' : 'DATA'} with 421 and closes the connection`, { closeAt: { step } });
    },
    'server-closes-early': plain('closes the connection without a word when MAIL FROM arrives', { closeAt: { step: 'mail', silently: true } }),
    'slow-server': plain(`waits ${SLOW_REPLY_MS / 1000} s (scaled) before accepting the message`, {
      delayMs: { 'end-of-data': scaled(SLOW_REPLY_MS) },
    }),
  },
};
