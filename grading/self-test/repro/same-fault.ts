// Decides whether lines run by hand show the fault a case reported: the by-hand outcome of the mutant differs from
// the reference solution's, and agrees with what the failure message says the program did.

/** What a repro, run by hand, showed: what was printed, the exit code, whether it hung, the server's fate, what the
 * student's client sent to the grader's peer (its C: lines). */
export interface Outcome { printed: string; exitCode?: number; hung: boolean; up?: boolean; sent?: string[] }

const NAMED: Record<string, string> = { n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\', 0: '\0' };

/** Reads back a string shown by harness/escape.ts (`"a\r\n\xff…"`), as bytes. */
export function unescapeShown(shown: string): Buffer {
  const parts: Buffer[] = [];
  const pattern = /\\x([0-9a-f]{2})|\\u\{([0-9a-f]+)\}|\\(.)|([^\\]+)/gs;
  for (const [, hex, code, named, plain] of shown.matchAll(pattern)) {
    if (hex) parts.push(Buffer.from([parseInt(hex, 16)]));
    else if (code) parts.push(Buffer.from(String.fromCodePoint(parseInt(code, 16)), 'utf8'));
    else if (named) parts.push(Buffer.from(NAMED[named] ?? named, 'utf8'));
    else parts.push(Buffer.from(plain, 'utf8'));
  }
  return Buffer.concat(parts);
}

/** A labelled value of a failure message (`received  "…"`), as the text it shows (its shown start when cut). */
export function shownValue(message: string, label: string): string | undefined {
  const found = new RegExp(`^${label} +"((?:[^"\\\\]|\\\\.)*)"`, 'm').exec(message);
  return found ? unescapeShown(found[1]).toString('utf8') : undefined;
}

/** The exit code a failure message reports for the student's program, if it exited. */
export function reportedExit(message: string): number | undefined {
  const found = /^ +\S+ \(pid \d+\) exited with code (\d+)/m.exec(message);
  return found ? Number(found[1]) : undefined;
}

/**
 * What the student's client sent, from transcript lines (the case's, or `socklab serve`'s output), with what changes
 * from one run to the next taken out: times, port numbers, Date and Message-ID values, DNS message ids.
 */
export function sentLines(transcript: string[]): string[] {
  // only timed lines: the legend ("C: your client, S: the grader") is not something the client sent
  return transcript.filter((line) => /^\s*\d+ms\s/.test(line)).map((line) => line.replace(/^\s*\d+ms\s+/, ''))
    .filter((line) => line.startsWith('C: ') || /^--\s+the query:/.test(line))
    .map((line) => line.replace(/:\d{2,5}\b/g, ':PORT')
      .replace(/^C: (Date|Message-ID): .*$/i, 'C: $1: …')
      // a DNS message shown as escaped bytes starts with a random id: its length and decoded summary stand for it
      .replace(/^(C: \[[^\]]*\] )"((?:[^"\\]|\\.)*)"$/, (_, head: string, shown: string) => `${head}<${unescapeShown(shown).length} bytes>`)
      .replace(/\bid 0x[0-9a-f]{4}\b/, 'id ID'));
}

const differ = (a: Outcome, b: Outcome) => a.printed !== b.printed || a.exitCode !== b.exitCode || a.hung !== b.hung
  || a.up !== b.up || JSON.stringify(a.sent) !== JSON.stringify(b.sent);

/** An HTTP answer's Date value changes from one second to the next; nothing else in these answers does. */
const withoutDates = (text: string) => text.replace(/^Date: [^\r\n]*/gim, 'Date: …');

/**
 * The reasons the by-hand outcome does not show the reported fault; empty when it does. `oneSender`: the lines send
 * what the case sent on the connection that failed (not a smaller picture of it, such as two clients for five), so
 * the answer the case received must be in what they print.
 */
export function faultNotShown(report: { message: string; transcript?: string[] }, kind: 'server' | 'client' | 'command',
  mutant: Outcome, reference: Outcome, oneSender: boolean): string[] {
  const problems: string[] = [];
  if (!differ(mutant, reference)) problems.push('by hand, the mutant and the reference solution show the same');
  const received = shownValue(report.message, 'received');
  if (received && kind === 'server' && oneSender && !withoutDates(mutant.printed).includes(withoutDates(received))) {
    problems.push(`by hand, the answer ${JSON.stringify(received)} does not appear`);
  }
  // A client's or a command's exit code, as the case saw it (a client's printout is left out: how a stream is cut
  // into reads differs from run to run, and a client that prints raw reads prints it differently each time).
  if (kind !== 'server') {
    const code = reportedExit(report.message);
    if (code !== undefined && mutant.exitCode !== code) problems.push(`the case saw exit code ${code}, by hand ${mutant.hung ? 'it hung' : `exit code ${mutant.exitCode}`}`);
  }
  // What the client sent to the grader's peer, line by line, as in the case.
  // When the grader's peer reset or closed the connection mid-way, how much of the client's writes it read first
  // is a race, in the case as by hand: then one must be the start of the other. Otherwise the case's lines must be
  // the start of those by hand: the case's transcript is taken when it fails, and a client may go on sending after
  // that (a CI run under load saw the QUIT after the failed end of data only by hand).
  if (kind === 'client' && report.transcript && mutant.sent) {
    const graded = sentLines(report.transcript);
    const cutShort = report.transcript.some((line) => /\bRST\b|reset the connection|closes? the connection/i.test(line));
    const startOf = (start: string[], whole: string[]) => start.length > 0 && start.length <= whole.length && start.every((line, i) => line === whole[i]);
    const agree = JSON.stringify(graded) === JSON.stringify(mutant.sent) || startOf(graded, mutant.sent) ||
      (cutShort && startOf(mutant.sent, graded));
    if (!agree) {
      problems.push(`by hand, the client sent other lines than in the case:\n  case:    ${graded.join('\n           ')}\n  by hand: ${mutant.sent.join('\n           ')}`);
    }
  }
  return problems;
}
