// The laws every answer obeys, checked on random inputs with the program's own answers: P2P is never slower than
// client-server, neither time falls as N grows, and both are proportional to the file size.
import { exerciseSuite, GradingFailure } from '../../../harness/index.ts';
import type { CalcRun } from './calc-run.ts';
import { allInOrder } from './all-in-order.ts';
import { runScenario } from './expect-answer.ts';
import { RELATIVE_TOLERANCE, agrees } from '../../models/p2p-distribution.ts';
import { checkProperty } from './property.ts';
import { format, lawInputs } from './random-inputs.ts';
import type { Answer, Row } from './read-answer.ts';
import type { Scenario } from './scenario.ts';

const suite = exerciseSuite('p2p-distribution', { group: 'Random inputs' });
const KINDS = [['clientServer', 'client-server'], ['p2p', 'P2P']] as const;

/** The rows of an answer by N; a missing row fails (the other cases explain rows in detail). */
function rowsOf(run: CalcRun, answer: Answer, counts: number[]): Row[] {
  return counts.map((count) => {
    const row = answer.rows.find((candidate) => candidate.peers === count);
    if (!row) {
      throw new GradingFailure({
        program: run.program, repro: run.repro, details: [`command   ${run.command}`],
        summary: `your calc printed no row for N = ${count}`,
        hint: 'Print one row for each count of --peers, with "peers" set to that count.',
      });
    }
    return row;
  });
}

/** The program's own answers, as lines of a failure message. */
const answerLines = (label: string, rows: Row[]) => [
  `${label}:`,
  ...rows.map((row) => `  N = ${String(row.peers).padEnd(9)} client-server ${`${row.clientServer.seconds} s`.padEnd(26)} P2P ${row.p2p.seconds} s`),
];

const slack = (value: number) => value * RELATIVE_TOLERANCE;

suite.case({ id: 'laws-hold-on-random-inputs', level: 'rfc', name: 'random inputs: P2P ≤ client-server, no time falls as N grows, times scale with F', points: 2 }, async (t) => {
  await checkProperty(t, {
    name: 'D_p2p ≤ D_cs; D_cs and D_p2p never decrease as N grows; both are proportional to F',
    inputs: lawInputs,
    numRuns: 20,
    batch: 4,
    check: async (input) => {
      const scenario = (times: number): Scenario => ({
        fileSize: format(input.fileSize, times),
        serverUpload: input.serverUpload,
        peers: { download: input.download, upload: input.upload, counts: input.counts },
      });
      const [once, scaled] = await allInOrder([runScenario(t, scenario(1)), runScenario(t, scenario(input.factor))]);
      const rows = rowsOf(once.run, once.answer, input.counts);
      const scaledRows = rowsOf(scaled.run, scaled.answer, input.counts);
      const fail = (summary: string, hint: string, runs: Array<typeof once> = [once]) => new GradingFailure({
        program: runs.at(-1)!.run.program,
        summary,
        details: [
          ...runs.map(({ run }) => `command   ${run.command}`),
          ...answerLines('your calc\'s answers', rows),
          ...(runs.length > 1 ? answerLines(`with a file ${input.factor} times larger`, scaledRows) : []),
        ],
        hint,
        repro: runs.flatMap(({ run }) => run.repro),
      });

      for (const row of rows) {
        if (row.p2p.seconds > row.clientServer.seconds + slack(row.clientServer.seconds)) {
          throw fail(`your calc's P2P time for N = ${row.peers} (${row.p2p.seconds} s) is longer than its client-server time (${row.clientServer.seconds} s)`,
            'P2P can never be slower: each term of D_p2p is at most a term of D_cs (F/u_s ≤ N·F/u_s, N·F/(u_s + Σu_i) ≤\n' +
            'N·F/u_s, and F/d_min is in both). Check that D_cs = max(N·F/u_s, F/d_min) has both of its terms.');
        }
      }
      for (const [kind, name] of KINDS) {
        for (let i = 1; i < rows.length; i++) {
          const [before, after] = [rows[i - 1], rows[i]];
          if (after[kind].seconds < before[kind].seconds - slack(before[kind].seconds)) {
            throw fail(`your calc's ${name} time falls from ${before[kind].seconds} s at N = ${before.peers} to ${after[kind].seconds} s at N = ${after.peers}`,
              'More peers never make the distribution faster: N·F/u_s and N·F/(u_s + N·u) grow with N, and F/u_s and F/d_min\n' +
              'do not depend on it.');
          }
        }
        for (const [i, row] of rows.entries()) {
          const want = input.factor * row[kind].seconds;
          if (!agrees(scaledRows[i][kind].seconds, want)) {
            throw fail(`with a file ${input.factor} times larger, your calc's ${name} time for N = ${row.peers} is ${scaledRows[i][kind].seconds} s, ` +
              `not ${input.factor} × ${row[kind].seconds} s = ${want} s`,
            'Every term is the file size divided by a rate, so the time is proportional to F. Rounding the seconds, or a\n' +
              'term without F in it, breaks this.', [once, scaled]);
          }
        }
      }
    },
  });
});
