// The failure message of an HTTP exchange: the raw request, the raw response head with a caret where it goes
// wrong, and the commands that send the same bytes by hand.
import { escapeAround } from '../escape.ts';
import { GradingFailure } from '../failure.ts';
import { printfArgument } from '../shell-quote.ts';
import { curlCommand } from './curl-command.ts';

/** What went wrong in one exchange, in the terms of the bytes. */
export interface HttpProblem {
  summary: string;
  /** The request this answer belongs to (shown escaped). */
  request: Uint8Array;
  /** The raw response head, or whatever arrived instead of one. */
  head?: Uint8Array;
  /** The byte of `head` the caret points at, and what it says there. */
  at?: number;
  note?: string;
  /** For a body that differs: the bytes required and the bytes received (the caret goes under the first difference). */
  expected?: Uint8Array | string;
  received?: Uint8Array | string;
  details?: string[];
  hint?: string;
  /** Shell lines to use instead of the default nc and curl ones (for requests too long to type). */
  repro?: string[];
}

/** The connection an exchange happened on: its port and every byte the grader wrote on it. */
export interface ExchangeSource {
  port: number;
  sentBytes: Buffer;
  halfClosed?: boolean;
  /** Set when the bytes were written in pieces with pauses, which nc alone would send at once. */
  slowPieces?: { pieces: Buffer[]; pauseMs: number };
}

const NC_LIMIT = 2000;

/** `printf '…' | nc 127.0.0.1 PORT`, sending every byte the grader sent on that connection. */
export function ncLine(source: ExchangeSource): string {
  const bytes = source.sentBytes;
  const nc = `nc${source.halfClosed ? ' -N' : ''} 127.0.0.1 ${source.port}`;
  const slow = source.slowPieces;
  if (slow && slow.pieces.length > 1 && slow.pieces.length <= 8) {
    const pause = Math.max(0.1, slow.pauseMs / 1000);
    return `{ ${slow.pieces.map((piece) => `printf ${printfArgument(piece)}`).join(`; sleep ${pause}; `)}; } | ${nc}`;
  }
  if (slow && slow.pieces.length > 8 && bytes.length <= NC_LIMIT) {
    // One byte at a time, as the grader sent it. node, not a shell loop: `read -n1 -d ''` is bash's alone (sh and
    // zsh reject it), and node is there wherever the kit runs.
    const last = source.halfClosed ? ' c.end();' : '';
    return `printf ${printfArgument(bytes)} | node -e "const c = require('node:net').connect(${source.port}, '127.0.0.1'); ` +
      `c.pipe(process.stdout); const b = require('node:fs').readFileSync(0); let i = 0; ` +
      `const t = setInterval(() => { c.write(b.subarray(i, i + 1)); if (++i === b.length) { clearInterval(t);${last} } }, 10)"   # one byte every 10 ms`;
  }
  if (bytes.length <= NC_LIMIT) return `printf ${printfArgument(bytes)} | ${nc}`;
  return `printf ${printfArgument(bytes.subarray(0, NC_LIMIT))} | ${nc}   # only the first ${NC_LIMIT} of ${bytes.length} bytes`;
}

/** Lines showing the head escaped on one line, with a caret under byte `at` and a note after it. */
export function caretLines(head: Uint8Array, at: number, note: string): string[] {
  const shown = escapeAround(head, Math.min(at, head.length), 240);
  return [`received  ${shown.text}`, `          ${' '.repeat(shown.column)}^ ${note}`];
}

/** A GradingFailure for an HTTP exchange, with the reproduction lines filled in. */
export function httpFailure(problem: HttpProblem, source: ExchangeSource): GradingFailure {
  const details: string[] = [];
  if (problem.head !== undefined && problem.expected === undefined) {
    if (problem.at !== undefined) details.push(...caretLines(problem.head, problem.at, problem.note ?? ''));
    else details.push(`received  ${escapeAround(problem.head, 0, 2000).text}`);
  } else if (problem.head !== undefined) {
    details.push(`head      ${escapeAround(problem.head, 0, 2000).text}`);
  }
  const curl = curlCommand(problem.request, source.port);
  const repro = problem.repro ?? [ncLine(source), ...(curl ? [`${curl}   # the same request alone, with curl`] : [])];
  return new GradingFailure({
    summary: problem.summary,
    sent: problem.request,
    expected: problem.expected,
    received: problem.received,
    details: [...details, ...(problem.details ?? [])],
    hint: problem.hint,
    repro,
  });
}
