// What a case can make the grader's mail server do, and what the server writes down about the client.
import type { Malformation, ReceivedMessage } from './command-reader.ts';

/** The points of a dialogue where the server replies. */
export type SmtpStep = 'greeting' | 'ehlo' | 'helo' | 'mail' | 'rcpt' | 'data' | 'end-of-data' | 'quit';

/** A reply as the lines the server sends, without their CRLF: ['250-first', '250 last']. */
export type ReplyLines = string[];

/** One case's server: every field is optional, and a server with none is a plain, willing one. */
export interface SmtpScript {
  /** The reply for a step, instead of the usual one (see DEFAULT_REPLIES). */
  replies?: Partial<Record<Exclude<SmtpStep, 'rcpt'>, ReplyLines>>;
  /** The reply to each RCPT TO, by the address and its position among the RCPT commands (default 250). */
  rcpt?: (address: string, index: number) => ReplyLines;
  /** Milliseconds to wait before replying at a step. */
  delayMs?: Partial<Record<SmtpStep, number>>;
  /** Milliseconds to wait between the lines of a multi-line reply. */
  lineGapMs?: number;
  /** At this step, reply "421 … closing" and close the connection (`silently`: close without a word). */
  closeAt?: { step: SmtpStep; silently?: boolean };
}

/** The name the grader's server gives itself. */
export const SERVER_NAME = 'mx.grader.test';

/** The replies of a plain, willing server. */
export const DEFAULT_REPLIES: Record<Exclude<SmtpStep, 'rcpt'>, ReplyLines> = {
  greeting: [`220 ${SERVER_NAME} ESMTP socklab grader`],
  ehlo: [`250-${SERVER_NAME} greets you`, '250-8BITMIME', '250 SIZE 10240000'],
  helo: [`250 ${SERVER_NAME}`],
  mail: ['250 2.1.0 Sender OK'],
  data: ['354 End data with <CR><LF>.<CR><LF>'],
  'end-of-data': ['250 2.0.0 Message accepted for delivery'],
  quit: [`221 2.0.0 ${SERVER_NAME} closing connection`],
};

/** A multi-line reply: every line but the last has "-" after the code (RFC 5321 §4.2.1). */
export function multiline(code: number, texts: string[]): ReplyLines {
  return texts.map((text, index) => `${code}${index < texts.length - 1 ? '-' : ' '}${text}`);
}

/** A command the client sent, and whether it came before the server had finished the reply it was owed. */
export interface ReceivedCommand { line: string; verb: string }

/** Bytes that arrived while the server still owed a reply: pipelining, or talking before the greeting. */
export interface EarlyBytes {
  /** What the server had not finished yet: "the greeting", "the reply to EHLO localhost". */
  before: string;
  bytes: Buffer;
}

/** Everything one connection's client did, for the cases to judge. */
export interface SmtpRecord {
  commands: ReceivedCommand[];
  /** The first bytes that came before their turn, if any did. */
  early?: EarlyBytes;
  helo?: string;
  mailFrom?: string;
  accepted: string[];
  rejected: string[];
  /** DATA was sent although no recipient had been accepted. */
  dataWithoutRecipients: boolean;
  messages: ReceivedMessage[];
  quit: boolean;
  /** The client closed the connection (or reset it) before the server did. */
  clientClosed: boolean;
  /** Where the client's lines broke CRLF framing or a length limit. */
  malformed: Malformation[];
}

/** A record with nothing in it yet. */
export function emptyRecord(malformed: Malformation[]): SmtpRecord {
  return { commands: [], accepted: [], rejected: [], dataWithoutRecipients: false, messages: [], quit: false, clientClosed: false, malformed };
}
