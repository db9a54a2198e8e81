// The grader's mail server as a transport peer: a TCP session that feeds the client's bytes to the command reader,
// runs the scripted SMTP session, and notices bytes that came before their turn.
import type { PeerPlan, RecordedStream, TcpSession } from '../transport/index.ts';
import { sleep } from '../transport/index.ts';
import { CommandReader } from './command-reader.ts';
import { smtpSession, type SmtpLink } from './session.ts';
import { emptyRecord, type ReplyLines, type SmtpRecord, type SmtpScript, type SmtpStep } from './smtp-script.ts';

/** A peer-table entry for SMTP: the script, and one record per connection the client opened, in order. */
export interface SmtpPlan extends PeerPlan {
  script: SmtpScript;
  sessions: SmtpRecord[];
}

/** Builds a peer plan that serves `script` on every connection (what a suite's peers.ts returns for a case). */
export function smtpPlan(about: string, script: SmtpScript = {}): SmtpPlan {
  const sessions: SmtpRecord[] = [];
  return { about, script, sessions, tcp: smtpTcpSession(script, sessions) };
}

/** One connection's SMTP session over a recorded stream; its record goes into `sessions`. */
export function smtpTcpSession(script: SmtpScript, sessions: SmtpRecord[]): TcpSession {
  return async (stream: RecordedStream) => {
    const reader = new CommandReader();
    const record = emptyRecord(reader.malformed);
    sessions.push(record);
    const state = { owed: undefined as string | undefined, serverClosed: false };
    void pump(stream, reader, record, state);
    const link: SmtpLink = {
      reader,
      async reply(lines: ReplyLines, step?: SmtpStep) {
        const delay = step ? script.delayMs?.[step] ?? 0 : 0;
        if (delay > 0) await sleep(delay);
        for (const [index, line] of lines.entries()) {
          if (index > 0 && script.lineGapMs) await sleep(script.lineGapMs);
          stream.write(`${line}\r\n`);
        }
        state.owed = undefined;
      },
      clientsTurn() { state.owed = undefined; },
      serverOwes(what: string) {
        state.owed = what;
        // Bytes already there behind the command just read were sent before its reply: pipelined.
        const waiting = Buffer.concat([reader.pending, stream.unread]);
        if (waiting.length > 0 && !record.early) record.early = { before: what, bytes: waiting };
      },
      close() {
        state.serverClosed = true;
        stream.end();
      },
    };
    await smtpSession(link, script, record);
  };
}

/**
 * Moves the client's bytes from the stream into the reader as they arrive; bytes that arrive while the server owes
 * a reply are the client's early ones. Ends the reader when nothing more can arrive.
 */
async function pump(stream: RecordedStream, reader: CommandReader, record: SmtpRecord, state: { owed?: string; serverClosed: boolean }) {
  for (;;) {
    await stream.until(() => stream.unread.length > 0);
    const size = stream.unread.length;
    if (size > 0) {
      const chunk = Buffer.from(stream.take(size));
      if (state.owed !== undefined && !record.early) record.early = { before: state.owed, bytes: chunk };
      reader.push(chunk);
      continue;
    }
    if (!state.serverClosed) record.clientClosed = true;
    reader.end();
    return;
  }
}
