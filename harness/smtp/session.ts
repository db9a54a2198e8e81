// One SMTP session of the grader's server, as plain code: greet, then answer each command as the case's script says.
// The session reads through a link (the connection's reader and reply writer), so it can be tested without sockets.
import type { CommandReader } from './command-reader.ts';
import { DEFAULT_REPLIES, type ReplyLines, type SmtpRecord, type SmtpScript, type SmtpStep } from './smtp-script.ts';

/** What the session needs from a connection. */
export interface SmtpLink {
  reader: CommandReader;
  /** Sends a reply's lines (CRLF added), after the script's delay; resolves when the last line is written. */
  reply(lines: ReplyLines, step?: SmtpStep): Promise<void>;
  /** The server is now waiting for the client's next command (or, after 354, for the message): its turn. */
  clientsTurn(): void;
  /** The server owes a reply from now on; bytes arriving before it is written came too early. */
  serverOwes(what: string): void;
  /** Closes the connection from the server's side. */
  close(): void;
}

/** The address between < and > (spaces after the colon tolerated here; a case about syntax insists). */
export function pathAddress(argument: string): string | undefined {
  return /^\s*<([^>]*)>/.exec(argument)?.[1];
}

const isPositive = (lines: ReplyLines) => /^[23]/.test(lines.at(-1) ?? '');

/** Runs the server's side of one connection until QUIT, a close by either side, or a 421. */
export async function smtpSession(link: SmtpLink, script: SmtpScript, record: SmtpRecord): Promise<void> {
  /** Replies at a step; false when the script closes the connection there instead. */
  const answer = async (step: SmtpStep, lines: ReplyLines): Promise<boolean> => {
    const closing = script.closeAt?.step === step;
    if (closing && !script.closeAt?.silently) await link.reply(['421 4.3.2 mx.grader.test shutting down, closing connection'], step);
    if (closing) { link.close(); return false; }
    await link.reply(lines, step);
    return true;
  };
  const reply = (step: Exclude<SmtpStep, 'rcpt'>) => script.replies?.[step] ?? DEFAULT_REPLIES[step];

  link.serverOwes('the greeting');
  if (!await answer('greeting', reply('greeting'))) return;
  let rcptCount = 0;
  for (;;) {
    link.clientsTurn();
    const line = await link.reader.command();
    if (line === undefined) return;
    const verb = (/^\S*/.exec(line)?.[0] ?? '').toUpperCase();
    record.commands.push({ line, verb });
    link.serverOwes(`the reply to ${line}`);
    const argument = line.slice(verb.length);
    if (verb === 'EHLO' || verb === 'HELO') {
      const step = verb === 'EHLO' ? 'ehlo' : 'helo';
      if (isPositive(reply(step))) record.helo = argument.trim();
      if (!await answer(step, reply(step))) return;
    } else if (verb === 'MAIL') {
      const address = /^\s+FROM:/i.test(argument) ? pathAddress(argument.replace(/^\s+FROM:/i, '')) : undefined;
      if (address === undefined) { await link.reply(['501 5.5.4 Syntax: MAIL FROM:<address>']); continue; }
      if (isPositive(reply('mail'))) record.mailFrom = address;
      if (!await answer('mail', reply('mail'))) return;
    } else if (verb === 'RCPT') {
      const address = /^\s+TO:/i.test(argument) ? pathAddress(argument.replace(/^\s+TO:/i, '')) : undefined;
      if (address === undefined) { await link.reply(['501 5.5.4 Syntax: RCPT TO:<address>']); continue; }
      const lines = script.rcpt?.(address, rcptCount++) ?? ['250 2.1.5 Recipient OK'];
      (isPositive(lines) ? record.accepted : record.rejected).push(address);
      if (!await answer('rcpt', lines)) return;
    } else if (verb === 'DATA') {
      if (record.accepted.length === 0) {
        record.dataWithoutRecipients = true;
        await link.reply(['554 5.5.1 No valid recipients']); // RFC 5321 §3.3
        continue;
      }
      if (!await answer('data', reply('data'))) return;
      if (!isPositive(reply('data'))) continue;
      link.clientsTurn();
      const message = await link.reader.message();
      if (!message) return;
      record.messages.push(message);
      link.serverOwes('the reply to the end of data');
      if (!await answer('end-of-data', reply('end-of-data'))) return;
    } else if (verb === 'QUIT') {
      record.quit = true;
      if (!await answer('quit', reply('quit'))) return;
      link.close();
      return;
    } else if (verb === 'RSET' || verb === 'NOOP') {
      await link.reply(['250 2.0.0 OK']);
    } else {
      await link.reply(['500 5.5.2 Command not recognized']);
    }
  }
}
