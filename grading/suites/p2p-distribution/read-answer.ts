// Reads what calc printed: exactly one JSON object of the contract's shape, or a failure naming the first thing amiss.
import { GradingFailure } from '../../../harness/index.ts';
import type { CalcRun } from './calc-run.ts';

export interface Time { seconds: number; bound: string }
export interface Row { peers: number; clientServer: Time; p2p: Time }
export interface Answer { fileSizeBits: number; serverUploadBps: number; rows: Row[] }

const SHAPE = '{"fileSizeBits": …, "serverUploadBps": …, "rows": [{"peers": …, "clientServer": {"seconds": …, "bound": …}, ' +
  '"p2p": {"seconds": …, "bound": …}}, …]}';

/** The first place where `value` departs from the Answer shape, or undefined when it has the shape. */
function shapeProblem(value: unknown): string | undefined {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const number = (v: unknown, where: string) => (typeof v === 'number' && Number.isFinite(v) ? undefined
    : `${where} is ${JSON.stringify(v) ?? 'missing'}, not a number`);
  if (!isObject(value)) return 'the output is not a JSON object';
  const top = number(value.fileSizeBits, 'fileSizeBits') ?? number(value.serverUploadBps, 'serverUploadBps');
  if (top) return top;
  if (!Array.isArray(value.rows)) return `rows is ${JSON.stringify(value.rows) ?? 'missing'}, not an array`;
  for (const [i, row] of value.rows.entries()) {
    if (!isObject(row)) return `rows[${i}] is not an object`;
    const peers = number(row.peers, `rows[${i}].peers`);
    if (peers) return peers;
    for (const kind of ['clientServer', 'p2p'] as const) {
      const time = row[kind];
      if (!isObject(time)) return `rows[${i}].${kind} is ${JSON.stringify(time) ?? 'missing'}, not an object`;
      const seconds = number(time.seconds, `rows[${i}].${kind}.seconds`);
      if (seconds) return seconds;
      if (typeof time.bound !== 'string') return `rows[${i}].${kind}.bound is ${JSON.stringify(time.bound) ?? 'missing'}, not a string`;
    }
  }
  return undefined;
}

/** The run's answer; a run that did not exit 0 or printed something else fails with a message saying what it did. */
export function readAnswer(run: CalcRun): Answer {
  const base = { program: run.program, repro: run.repro, details: [`command   ${run.command}`] };
  if (run.status.code !== 0) {
    throw new GradingFailure({
      ...base,
      summary: `your calc exited with ${run.status.signal ? `signal ${run.status.signal}` : `code ${run.status.code}`} on a valid command line; it must print its answer and exit 0`,
      hint: run.status.code === 2
        ? 'Your program took a valid option for a bad one (its message is below). Every option of this command is in the\n' +
          'contract: sizes in bit, kbit, Mbit, Gbit, B, kB, MB, GB (or a bare number of bits), rates in bps, kbps, Mbps,\n' +
          'Gbps, B/s, kB/s, MB/s, GB/s (or a bare number); K means k; a peer\'s upload may be 0.'
        : 'It stopped with an error before printing an answer: its last lines of stderr are below.',
    });
  }
  let value: unknown;
  try {
    value = JSON.parse(run.stdout);
  } catch (error) {
    throw new GradingFailure({
      ...base,
      summary: 'your calc did not print one JSON object on stdout',
      received: run.stdout,
      details: [...base.details, `JSON.parse says: ${(error as Error).message}`],
      hint: 'Print only the answer on stdout, JSON.stringify(answer) and a newline; send diagnostics to stderr\n' +
        `(console.error). The shape is ${SHAPE}`,
    });
  }
  const problem = shapeProblem(value);
  if (problem) {
    throw new GradingFailure({
      ...base,
      summary: `your calc's JSON does not have the contract's shape: ${problem}`,
      received: run.stdout,
      hint: `The shape is ${SHAPE}\nwith the names spelled exactly so (the grader reads them by name).`,
    });
  }
  return value as Answer;
}
