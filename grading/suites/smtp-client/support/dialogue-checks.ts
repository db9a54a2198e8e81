// Checks on the dialogue the grader's server saw: turns kept, commands in order, exit codes and stderr.
import { escapeBytes, expectExit, GradingFailure } from '../../../../harness/index.ts';
import type { SmtpRecord } from '../../../../harness/smtp/index.ts';
import type { ClientRun } from './client-run.ts';

/** The commands the client sent, one a line, as the server read them. */
export const sentLines = (session: SmtpRecord) => session.commands.map((command) => `C: ${command.line}`);

/** Fails when the client sent anything before the reply it was owed was complete (RFC 5321 §4.2, §2.1). */
export function expectTurnsKept(run: ClientRun, session: SmtpRecord): void {
  if (!session.early) return;
  const { before, bytes } = session.early;
  const greeting = before === 'the greeting';
  throw new GradingFailure({
    summary: `your client sent ${escapeBytes(bytes, 80)} before ${before} was complete`,
    details: ['the line your client should not have sent yet:', `  C: ${escapeBytes(bytes, 120)}`],
    hint: greeting
      ? 'The server speaks first. Read its greeting, the whole of it (a "220-" line is followed by more; the\n' +
        'line "220 …" ends it), before you send EHLO.'
      : 'Send one command, then read its whole reply before you send the next: a line "250-…" means more lines\n' +
        'follow, and the line "250 …" (code, then a space) ends the reply. The server may offer PIPELINING; the\n' +
        'contract still asks for one command at a time.',
    repro: run.repro,
  });
}

/**
 * Fails unless the client's commands had exactly these verbs, in this order (any case, RFC 5321 §2.4); after them,
 * only the verbs in `then` may follow (a case about the dialogue's start leaves QUIT to the case about QUIT).
 */
export function expectVerbs(run: ClientRun, session: SmtpRecord, expected: string[], hint: string, then: string[] = []): void {
  const all = session.commands.map((command) => command.verb);
  const tail = all.slice(expected.length);
  const verbs = tail.every((verb) => then.includes(verb)) ? all.slice(0, expected.length) : all;
  if (verbs.join(' ') === expected.join(' ')) return;
  const at = expected.findIndex((verb, index) => verbs[index] !== verb);
  const first = at >= 0 ? at : expected.length;
  throw new GradingFailure({
    summary: verbs[first] === undefined
      ? `your client stopped after ${verbs.length} command${verbs.length === 1 ? '' : 's'}; the next should have been ${expected[first]}`
      : first < expected.length
        ? `your client's command number ${first + 1} was ${verbs[first]}; it should have been ${expected[first]}`
        : `your client sent ${verbs[first]} after ${expected.at(-1)}, which should have been its last command`,
    expected: `${expected.join(' ')}`,
    received: verbs.join(' '),
    details: ['the commands your client sent:', ...sentLines(session).map((line) => `  ${line}`)],
    hint,
    repro: run.repro,
  });
}

/** Waits for the client's exit and checks its code; exit 1 must come with a message on stderr. */
export async function expectClientExit(run: Pick<ClientRun, 'program' | 'repro'>, code: 0 | 1, what: string, hint: string, withinMs?: number): Promise<void> {
  await expectExit(run.program, { code, what, hint, repro: run.repro, withinMs });
  if (code === 1 && run.program.stderr.total === 0) {
    throw new GradingFailure({
      summary: `your client exited 1 ${what}, but wrote nothing to stderr`,
      hint: 'Say what went wrong: print the server\'s failing reply (or the connection\'s error) on stderr, then exit 1.',
      repro: run.repro,
    });
  }
}

/** Fails unless the client's stderr mentions each of `words` (a rejected address, a reply code). */
export function expectStderrMentions(run: ClientRun, words: string[], what: string, hint: string): void {
  const stderr = run.program.stderr.head().toString('utf8');
  const missing = words.filter((word) => !stderr.includes(word));
  if (missing.length === 0) return;
  throw new GradingFailure({
    summary: `your client's stderr does not mention ${missing.join(', ')} (${what})`,
    received: stderr,
    hint,
    repro: run.repro,
  });
}

/** Fails when the client went on after a failure: `verb` must not appear among its commands. */
export function expectNoCommand(run: ClientRun, session: SmtpRecord, verb: string, why: string, hint: string): void {
  const found = session.commands.find((command) => command.verb === verb);
  if (!found) return;
  throw new GradingFailure({
    summary: `your client sent ${verb} ${why}`,
    details: ['the line your client should not have sent:', `  C: ${found.line}\\r\\n`, 'the commands your client sent:', ...sentLines(session).map((line) => `  ${line}`)],
    hint,
    repro: run.repro,
  });
}

/** Fails unless the client said QUIT (after a refusal, or when done). */
export function expectQuit(run: ClientRun, session: SmtpRecord, when: string): void {
  if (session.quit) return;
  throw new GradingFailure({
    summary: `your client did not send QUIT ${when}`,
    expected: 'QUIT\r\n',
    received: session.commands.at(-1) ? `${session.commands.at(-1)!.line} (its last command)` : '(no command)',
    hint: 'End every session the server has not ended itself with "QUIT\\r\\n", and read the 221 reply before you\n' +
      'close the socket (RFC 5321 §4.1.1.10).',
    repro: run.repro,
  });
}
