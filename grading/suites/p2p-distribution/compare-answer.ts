// Compares calc's answer with the contract's, and explains a difference the way a tutor would: both values side by
// side, every term of the formula with its value, the term that should have decided, and the likely mistake.
import { GradingFailure } from '../../../harness/index.ts';
import type { CalcRun } from './calc-run.ts';
import { agrees, type Expected } from '../../models/p2p-distribution.ts';
import type { Answer, Row, Time } from './read-answer.ts';
import type { ExpectedAnswer, ExpectedRow } from './scenario.ts';

type Kind = 'clientServer' | 'p2p';
const KIND_NAMES: Record<Kind, string> = { clientServer: 'client-server', p2p: 'P2P' };

/** One wrong value: a time or the term named as its bound. */
interface Wrong { row: ExpectedRow; kind: Kind; got: Time; what: 'seconds' | 'bound' }

const seconds = (value: number) => `${value} s`;
const expectedTime = (e: Expected) => `${seconds(e.seconds)}  ${e.bounds.join(' or ')}`;
const receivedTime = (t: Time) => `${seconds(t.seconds)}  ${t.bound}`;
const column = (text: string, width: number) => text.padEnd(width);

/** The terms of one formula with their values, the deciding one marked. */
function termLines(row: ExpectedRow, kind: Kind, fileSizeBits: number, serverUploadBps: number): string[] {
  const { group } = row;
  const inputs = [`N = ${group.count}`, `F = ${fileSizeBits} bit`, `u_s = ${serverUploadBps} bit/s`, `d_min = ${group.minDownloadBps} bit/s`];
  if (kind === 'p2p') inputs.push(`Σu_i = ${group.uploadSumBps} bit/s`);
  const expected = row[kind];
  return [
    `which term decides ${KIND_NAMES[kind]} for N = ${row.peers} (the largest of them):`,
    `  with ${inputs.join(', ')}`,
    ...expected.terms.map((term) => (`  ${column(term.bound, 18)}${column(term.formula, 20)}= ${column(seconds(term.seconds), 26)}` +
      (expected.bounds.includes(term.bound) ? '<- decides' : '')).trimEnd()),
  ];
}

/** What a student most likely got wrong, from how their value relates to the terms. */
function hintFor(wrong: Wrong): string {
  const expected = wrong.row[wrong.kind];
  const decider = expected.terms.find((term) => term.bound === expected.bounds[0])!;
  if (wrong.what === 'bound') {
    return `The time is right, but "bound" must name the term that decides it, the largest: here ${decider.bound}\n` +
      `(${decider.formula}). The names are server-upload, client-download and aggregate-upload.`;
  }
  const got = wrong.got.seconds;
  const smaller = expected.terms.find((term) => !expected.bounds.includes(term.bound) && agrees(term.seconds, got));
  if (smaller) {
    return `Your time is ${smaller.formula}, but ${decider.formula} is larger, and the distribution cannot beat any of the\n` +
      'terms: the time is the LARGEST of them (a max over all the terms).';
  }
  if (Math.abs(got - expected.seconds) < 1e-3 * expected.seconds) {
    return 'Close, but not exact: do not round or format the seconds (toFixed, Math.round, a string); print the number\n' +
      'as it is computed. The grader allows a relative difference of 1e-9.';
  }
  if (got < expected.seconds) {
    return `Your time is below ${decider.formula} = ${seconds(decider.seconds)}, which no schedule can beat. Is that term missing from\n` +
      'your max(…), or is one of its values read too large (a byte is 8 bits, not 1)?';
  }
  return 'Your time is above every term. Check the units (a byte, B, is 8 bits; prefixes are decimal, k = 1000, not\n' +
    '1024), that d_min is the SLOWEST download, and that Σu_i adds up the uploads of all N peers.';
}

/**
 * Seconds rounded to two decimals are read as right where `exact` is off: the precision the contract asks for (a
 * relative 1e-9) is judged by the cases that say `exact`, so that one rounding costs those cases, not every case.
 */
const ROUNDING_FORGIVEN = 0.005;

function wrongValues(expected: ExpectedAnswer, rows: Map<number, Row>, bounds: boolean, exact: boolean): Wrong[] {
  const wrong: Wrong[] = [];
  const right = (got: number, want: number) => agrees(got, want) || (!exact && Math.abs(got - want) <= ROUNDING_FORGIVEN);
  for (const row of expected.rows) {
    for (const kind of ['clientServer', 'p2p'] as const) {
      const got = rows.get(row.peers)![kind];
      if (!right(got.seconds, row[kind].seconds)) wrong.push({ row, kind, got, what: 'seconds' });
      else if (bounds && !(row[kind].bounds as string[]).includes(got.bound)) wrong.push({ row, kind, got, what: 'bound' });
    }
  }
  return wrong;
}

/** The expected and received values side by side, the wrong ones marked. */
function valueTable(expected: ExpectedAnswer, answer: Answer, rows: Map<number, Row>, wrong: Wrong[]): string[] {
  const cells: Array<[label: string, want: string, got: string, bad: boolean]> = [
    ['fileSizeBits', String(expected.fileSizeBits), String(answer.fileSizeBits), !agrees(answer.fileSizeBits, expected.fileSizeBits)],
    ['serverUploadBps', String(expected.serverUploadBps), String(answer.serverUploadBps), !agrees(answer.serverUploadBps, expected.serverUploadBps)],
  ];
  for (const row of expected.rows) {
    for (const kind of ['clientServer', 'p2p'] as const) {
      const bad = wrong.some((w) => w.row === row && w.kind === kind);
      cells.push([`N = ${row.peers}  ${KIND_NAMES[kind]}`, expectedTime(row[kind]), receivedTime(rows.get(row.peers)![kind]), bad]);
    }
  }
  // Columns as wide as their longest value: a tie ("client-download or aggregate-upload") must not run into the next.
  const width = (values: string[]) => Math.max(42, ...values.map((value) => value.length + 2));
  const wantWidth = width(cells.map((cell) => cell[1]));
  const gotWidth = width(cells.map((cell) => cell[2]));
  return [
    `  ${column('', 32)}${column('expected', wantWidth)}received`,
    ...cells.map(([label, want, got, bad]) => `  ${column(label, 32)}${column(want, wantWidth)}${column(got, gotWidth)}${bad ? '<- wrong' : ''}`.trimEnd()),
  ];
}

/**
 * Fails unless the answer matches the contract's within the tolerance (`exact`; otherwise two-decimal rounding is
 * forgiven) and, where `bounds` (the cases that judge the names), with a bound among the deciding terms.
 */
export function compareAnswer(run: CalcRun, answer: Answer, expected: ExpectedAnswer, { bounds, exact }: { bounds: boolean; exact: boolean }): void {
  const base = { program: run.program, repro: run.repro };
  const command = `command   ${run.command}`;
  for (const [name, option, unit] of [['fileSizeBits', '--file-size', 'bits'], ['serverUploadBps', '--server-upload', 'bits per second']] as const) {
    if (agrees(answer[name], expected[name])) continue;
    throw new GradingFailure({
      ...base,
      summary: `your calc read ${option} ${run.args[run.args.indexOf(option) + 1]} as ${answer[name]} ${unit}; it is ${expected[name]} ${unit}`,
      details: [command],
      hint: 'Units: a bare number is bits (per second); B is a byte, 8 bits; prefixes are decimal (k = 1000, M = 10^6,\n' +
        'G = 10^9, never 1024) and K means k.',
    });
  }
  const rows = new Map(answer.rows.map((row) => [row.peers, row]));
  const missing = expected.rows.filter((row) => !rows.has(row.peers)).map((row) => row.peers);
  if (missing.length > 0 || answer.rows.length !== expected.rows.length) {
    const counted = run.args.includes('--peers-file') && answer.rows.length === 1;
    throw new GradingFailure({
      ...base,
      summary: counted
        ? `your calc counted ${answer.rows[0].peers} peers in the peers file; it has ${expected.rows[0].peers}, one a line`
        : `your calc printed rows for N = ${answer.rows.map((row) => row.peers).join(', ') || 'nothing'}; ` +
          `the contract needs one row for each N: ${expected.rows.map((row) => row.peers).join(', ')}`,
      details: [command],
      hint: counted
        ? 'N is the number of peers in the file, one "upload,download" a line. The newline that ends the last line does\n' +
          'not start another peer (split(\'\\n\') leaves an empty piece after it), and a last line without a newline is a peer.'
        : 'Print one row per peer count of --peers, in any order, with "peers" set to that count; with --peers-file,\n' +
          'one row whose "peers" is the number of peers (lines) in the file.',
    });
  }
  const wrong = wrongValues(expected, rows, bounds, exact);
  if (wrong.length === 0) return;
  const first = wrong[0];
  const want = first.row[first.kind];
  const what = first.what === 'seconds'
    ? `your calc's ${KIND_NAMES[first.kind]} time for N = ${first.row.peers} is ${seconds(first.got.seconds)}; the contract's is ` +
      `${seconds(want.seconds)}, decided by ${want.bounds.join(' or ')}`
    : `your calc names ${JSON.stringify(first.got.bound)} as the bound of ${KIND_NAMES[first.kind]} for N = ${first.row.peers}; ` +
      `the term that decides is ${want.bounds.join(' or ')}`;
  throw new GradingFailure({
    ...base,
    summary: what + (wrong.length > 1 ? ` (${wrong.length} values are wrong, marked below)` : ''),
    details: [
      command,
      ...valueTable(expected, answer, rows, wrong),
      ...termLines(first.row, first.kind, expected.fileSizeBits, expected.serverUploadBps),
    ],
    hint: hintFor(first),
  });
}
