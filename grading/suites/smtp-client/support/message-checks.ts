// Checks on the message the server received after DATA: delivered at all, its body, and its headers as a well-kept
// RFC 5322 parser (mailparser) reads them.
import type { ParsedMail } from 'mailparser';
import { GradingFailure, requireCommonJs } from '../../../../harness/index.ts';
import type { ReceivedMessage, SmtpRecord } from '../../../../harness/smtp/index.ts';
import type { ClientRun } from './client-run.ts';
import { sentLines } from './dialogue-checks.ts';

const { simpleParser } = requireCommonJs<typeof import('mailparser')>('mailparser');

/** The one message the client delivered; fails when it sent none (or more than one). */
export function deliveredMessage(run: ClientRun, session: SmtpRecord): ReceivedMessage {
  if (session.messages.length === 1) return session.messages[0];
  throw new GradingFailure({
    summary: session.messages.length === 0
      ? 'the grader\'s server received no message: your client never completed DATA and the "." line'
      : `your client sent ${session.messages.length} messages; the contract is one`,
    details: ['the commands your client sent:', ...sentLines(session).map((line) => `  ${line}`)],
    hint: 'After "DATA\\r\\n" and its 354 reply, send the headers, an empty line, the body, then ".\\r\\n" alone on a\n' +
      'line, and read the reply.',
    repro: run.repro,
  });
}

/** The message split at its first empty line: the header block and the body, as sent (after unstuffing). */
export function splitMessage(message: Buffer): { head: string; body: string } {
  const text = message.toString('utf8');
  const crlf = text.indexOf('\r\n\r\n');
  const lf = text.indexOf('\n\n');
  if (crlf >= 0 && (lf < 0 || crlf < lf)) return { head: text.slice(0, crlf + 2), body: text.slice(crlf + 4) };
  if (lf >= 0) return { head: text.slice(0, lf + 1), body: text.slice(lf + 2) };
  return { head: text, body: '' };
}

/** Any line ending as "\n": for the cases that judge content, not framing. */
export const lenientLines = (text: string) => text.replace(/\r\n|\r|\n/g, '\n');

/** The body a correct client delivers for this stdin: CRLF endings, one added at the end when missing. */
export function expectedBody(stdin: string): string {
  const body = stdin.replace(/\r\n|\r|\n/g, '\r\n');
  return body === '' || body.endsWith('\r\n') ? body : `${body}\r\n`;
}

/** The message as mailparser reads it. */
export async function parseMessage(message: ReceivedMessage): Promise<ParsedMail> {
  return simpleParser(message.message, { skipHtmlToText: true, skipTextToHtml: true, skipTextLinks: true, skipImageLinks: true });
}

/** The raw value of a header field in the header block (unfolded), or undefined. */
export function rawHeader(head: string, name: string): string | undefined {
  const unfolded = head.replace(/\r?\n[ \t]/g, ' ');
  const match = new RegExp(`^${name}:[ \\t]*(.*?)\\r?$`, 'im').exec(unfolded);
  return match?.[1];
}
