// What usually causes each way an exchange can go wrong: one place, so every suite gives the same advice.

export type Outcome = 'refused' | 'reset' | 'eof' | 'timeout' | 'mismatch' | 'extra' | 'early';

const HINTS: Record<Outcome, string> = {
  refused: 'Connection refused: nothing was listening on that port. Is the server listening on the port given\n' +
    'by --port, on 127.0.0.1? Did it crash (see its stderr below)?',
  reset: 'Connection reset: the other side closed the connection abruptly. Usually the program crashed, or closed\n' +
    'its socket while data it had not read was still waiting (read everything before closing).',
  eof: 'The connection was closed before the whole answer arrived: the program closed its socket (or exited) too\n' +
    'early. Close only after every answer has been written.',
  timeout: 'Nothing more arrived in time. Common causes: the program is waiting for something the grader will not\n' +
    'send (a newline, the end of the stream), it buffers its answer and never flushes it, or it handles one\n' +
    'client at a time and is busy with another.',
  mismatch: 'The bytes differ where the caret points. Check letter case, line endings (\\n vs \\r\\n), spaces, and that\n' +
    'text is decoded as UTF-8 before it is uppercased.',
  extra: 'More bytes arrived than the contract allows: an extra newline, a debug print on the socket, or one answer\n' +
    'sent twice.',
  early: 'The program answered before the request was complete. TCP is a byte stream: one read may hold part of a\n' +
    'line or several lines. Keep what you have read until the newline arrives.',
};

/** The usual causes for an outcome, plus the case's own advice when it has some. */
export function hintFor(outcome: Outcome, extra?: string): string {
  return extra ? `${extra}\n${HINTS[outcome]}` : HINTS[outcome];
}

/** A datagram reply that is a correct start of the answer, cut short: a receive buffer smaller than the datagram. */
export function cutHint(got: number, expected: number): string {
  return `The reply was cut at ${got} bytes: its first ${got} bytes are right, the other ${expected - got} never came. A datagram\n` +
    `is read whole or cut: a receive buffer of ${got} bytes (recvfrom(${got}) in Python) keeps the first ${got} bytes and\n` +
    'silently drops the rest. Receive with a buffer of 65,535 bytes, the largest datagram there is.';
}
