// The grader's UDP server for each client case, declared once: the cases and `socklab serve udp-uppercase` start these.
import { sleep, type PeerTable, type UdpSession } from '../../../../harness/index.ts';

/**
 * The line a datagram carries, read leniently: a line ending sent with it is dropped, so that only
 * client-sends-line-without-ending deducts for it (one cause, one deduction).
 */
export const lineOf = (payload: Buffer) => payload.toString('utf8').replace(/\r?\n$/, '');

/** The grader's reply is marked, so that printing the reply can be told apart from uppercasing locally. */
export const markedReply = (payload: Buffer) => `${lineOf(payload).toUpperCase()} (reply 7)`;

/** Replies to every datagram with its marked uppercase, after `delayMs`. */
const uppercase = (delayMs = 0): UdpSession => async (datagram, reply) => {
  if (delayMs > 0) await sleep(delayMs);
  await reply.send(markedReply(datagram.payload));
};

/** Late replies are not scaled: the contract's default timeout is a fixed 1000 ms, and 400 ms of margin is plenty. */
export const LATE_REPLY_MS = 600;
/** The reply the client told to wait 3000 ms (scaled) gets. */
export const PATIENT_REPLY_MS = 1500;

export const peers: PeerTable = {
  default: 'client-prints-the-reply',
  cases: {
    'client-prints-the-reply': () => ({ about: 'replies with the uppercase, marked " (reply 7)"', udp: uppercase() }),
    'client-sends-line-without-ending': () => ({ about: 'replies with the uppercase, marked " (reply 7)"', udp: uppercase() }),
    'client-utf8-round-trip': () => ({ about: 'replies with the uppercase, marked " (reply 7)"', udp: uppercase() }),
    'client-last-line-without-newline': () => ({ about: 'replies with the uppercase, marked " (reply 7)"', udp: uppercase() }),
    'client-times-out': () => ({ about: 'never replies', udp: () => undefined }),
    'client-waits-for-a-late-reply': () => ({ about: `replies after ${LATE_REPLY_MS} ms`, udp: uppercase(LATE_REPLY_MS) }),
    'client-honours-timeout-option': () => ({ about: `replies after ${PATIENT_REPLY_MS} ms`, udp: uppercase(PATIENT_REPLY_MS) }),
  },
};
