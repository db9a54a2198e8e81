// The grader's server for each client case, declared once: the cases and `socklab serve tcp-uppercase` start these.
import { scaled, type PeerTable } from '../../../../harness/index.ts';
import { uppercaseSession, type UppercaseScript } from './uppercase-session.ts';

/** How long the slow server of client-waits-for-slow-answers waits before each answer (before scaling). */
export const SLOW_ANSWER_MS = 500;

const uppercase = (about: string, script: UppercaseScript = {}) => () => ({ about, tcp: uppercaseSession(script) });

export const peers: PeerTable = {
  default: 'client-sends-lines-prints-answers',
  cases: {
    'client-sends-lines-prints-answers': uppercase('answers each line with its uppercase, marked " (answer N)"'),
    'client-waits-for-slow-answers': uppercase(`waits ${SLOW_ANSWER_MS} ms (scaled) before each answer`, { delayMs: scaled(SLOW_ANSWER_MS) }),
    'client-reassembles-split-answers': uppercase('sends each answer 3 bytes at a time', { pieceBytes: 3, pieceGapMs: scaled(10) }),
    'client-many-lines': uppercase('answers each line with its uppercase, marked " (answer N)"'),
    'client-empty-stdin': uppercase('answers each line with its uppercase, and closes after the client\'s end'),
    'client-utf8': uppercase('answers each line with its uppercase, marked " (answer N)"'),
    'client-last-line-without-newline': uppercase('answers a last line without a newline too', { answerFinalLine: true }),
    'client-connection-reset': uppercase('resets the connection when the first line arrives', { resetAfterLines: 1 }),
  },
};
