// Every kind of invalid input: exit code 2 and one line on stderr that names the bad option.
import { exerciseSuite, GradingFailure, type CaseContext } from '../../../harness/index.ts';
import { runCalc } from './calc-run.ts';
import { allInOrder } from './all-in-order.ts';

const suite = exerciseSuite('p2p-distribution', { group: 'Invalid input' });

/** One invalid command line: its changes to a valid one (null leaves an option out) and the option to name. */
interface BadInput { change: Record<string, string | null>; option: string; why: string; files?: Record<string, string | null> }

const VALID: Record<string, string> = {
  '--file-size': '15Gbit', '--server-upload': '30Mbps', '--download': '2Mbps', '--upload': '700kbps', '--peers': '10,100',
};
const WITH_FILE = { '--download': null, '--upload': null, '--peers': null, '--peers-file': 'peers.csv' };

function commandLine(change: BadInput['change']): string[] {
  const options: Record<string, string | null> = { ...VALID, ...change };
  return Object.entries(options).flatMap(([name, value]) => (value === null ? [] : [name, value]));
}

/** What a program printed, on one line (a pretty-printed answer would fill the screen), cut after 300 characters. */
function compact(stdout: string): string {
  let text: string;
  try { text = JSON.stringify(JSON.parse(stdout)); } catch { text = JSON.stringify(stdout); }
  return text.length > 300 ? `${text.slice(0, 300)}… (${text.length} characters)` : text;
}

/** Fails unless calc exits 2 with one line on stderr that names `bad.option`; `hint` explains an input accepted. */
async function expectRejected(t: CaseContext, bad: BadInput, hint: string): Promise<void> {
  const run = await runCalc(t, commandLine(bad.change), { files: bad.files });
  const base = { program: run.program, repro: run.repro, details: [`command   ${run.command}`, `invalid   ${bad.why}`] };
  const message = run.stderr.trim();
  const rule = `the contract requires exit code 2 and one line on stderr naming ${bad.option}`;
  if (run.status.code === 0) {
    throw new GradingFailure({
      ...base,
      summary: `your calc accepted ${bad.why} and exited 0; ${rule}`,
      details: [...base.details, `printed   ${compact(run.stdout)}`],
      hint,
    });
  }
  if (run.status.code !== 2) {
    throw new GradingFailure({
      ...base,
      summary: `your calc exited with ${run.status.signal ? `signal ${run.status.signal}` : `code ${run.status.code}`} on ${bad.why}; ${rule}`,
      hint: 'An uncaught exception exits with code 1 and a stack trace. Catch bad input yourself: print one line that\n' +
        'names the option (console.error) and set process.exitCode = 2.',
    });
  }
  if (!message.includes(bad.option)) {
    throw new GradingFailure({
      ...base,
      summary: message === '' ? `your calc exited 2 on ${bad.why} but wrote nothing to stderr`
        : `your calc's message on ${bad.why} does not name ${bad.option}`,
      received: run.stderr,
      hint: `Name the option as the user typed it (here ${bad.option}), so they know what to fix, e.g.\n` +
        '"calc: --file-size 0: must be more than 0".',
    });
  }
  if (message.includes('\n')) {
    throw new GradingFailure({
      ...base,
      summary: `your calc wrote ${message.split('\n').length} lines to stderr on ${bad.why}; the contract asks for one`,
      received: run.stderr,
      hint: 'One line: the option and what is wrong with it. No stack trace, no usage text after it.',
    });
  }
}

const CASES: Array<{ id: string; name: string; hint: string; bad: BadInput[] }> = [
  {
    id: 'rejects-bad-file-size',
    name: 'a bad --file-size (0, negative, empty, not a number): exit 2',
    hint: 'Check the size before computing: a number (decimals allowed) with an optional unit, more than 0.',
    bad: ['0', '0GB', '-5Gbit', 'abc', ''].map((size) => ({ change: { '--file-size': size }, option: '--file-size', why: `--file-size ${JSON.stringify(size)}` })),
  },
  {
    id: 'rejects-bad-rates',
    name: 'a bad --server-upload, --download or --upload: exit 2',
    hint: 'Check every rate before computing: a number with an optional unit, more than 0; only a peer\'s upload may be 0.',
    bad: ([['--server-upload', '0'], ['--server-upload', '-30Mbps'], ['--download', '0Mbps'], ['--download', 'fast'],
      ['--upload', '-700kbps'], ['--upload', 'none']] as const)
      .map(([option, rate]) => ({ change: { [option]: rate }, option, why: `${option} ${JSON.stringify(rate)}` })),
  },
  {
    id: 'rejects-bad-peer-counts',
    name: 'a bad --peers list (0, negative, not a number): exit 2',
    hint: 'Check each count of the comma-separated list: a whole number, at least 1.',
    bad: ['0', '-10', 'ten', '10,0,100', '10,abc'].map((peers) => ({ change: { '--peers': peers }, option: '--peers', why: `--peers ${JSON.stringify(peers)}` })),
  },
  {
    id: 'rejects-unknown-units',
    name: 'a unit outside the contract\'s lists: exit 2',
    hint: 'Look each unit up in the contract\'s lists and reject any other. Sizes: bit kbit Mbit Gbit B kB MB GB; rates:\n' +
      'bps kbps Mbps Gbps B/s kB/s MB/s GB/s (K for k in both). A rate unit is no size unit, nor the other way round.',
    bad: ([['--file-size', '15Gbps'], ['--file-size', '15furlongs'], ['--server-upload', '30MB'], ['--download', '2Xbps'],
      ['--upload', '700kbph']] as const)
      .map(([option, value]) => ({ change: { [option]: value }, option, why: `the unit of ${option} ${value}` })),
  },
  {
    id: 'rejects-bad-peers-file',
    name: 'a missing or malformed peers file, or one without peers: exit 2',
    hint: 'Check every line of the file: exactly "upload,download", each a rate of the contract (the download more than\n' +
      '0); a file with no peers is an error too. A file that cannot be read is reported, not thrown.',
    bad: ([
      ['a line that uses ";" instead of ","', '300kbps;2Mbps\n'],
      ['a line that is not "upload,download"', '300kbps,2Mbps\nabc\n'],
      ['a line with three fields', '300kbps,2Mbps,9Mbps\n'],
      ['a peer whose download is 0', '300kbps,2Mbps\n300kbps,0\n'],
      ['a peer whose upload is negative', '-1Mbps,2Mbps\n'],
      ['a size unit for a rate', '300kbps,2Mbit\n'],
      ['no peers at all (an empty file)', ''],
    ] as const).map(([why, text]): BadInput => ({ change: WITH_FILE, option: '--peers-file', why: `a peers file with ${why}`, files: { 'peers.csv': text } }))
      .concat({ change: { ...WITH_FILE, '--peers-file': 'no-such-file.csv' }, option: '--peers-file', why: 'a peers file that does not exist', files: { 'no-such-file.csv': null } }),
  },
  {
    id: 'rejects-missing-options',
    name: 'a missing option: exit 2',
    hint: 'Check that --file-size and --server-upload are given, and either --peers with --download and --upload, or\n' +
      '--peers-file.',
    bad: [
      ...['--file-size', '--server-upload', '--download', '--upload'].map((option) => ({ change: { [option]: null }, option, why: `no ${option}` })),
      { change: { '--peers': null }, option: '--peers', why: 'neither --peers nor --peers-file' },
    ],
  },
  {
    id: 'rejects-peers-with-peers-file',
    name: 'both --peers and --peers-file: exit 2',
    hint: 'The peers come either from --peers (with --download and --upload) or from --peers-file, never both.',
    bad: [{ change: { '--peers-file': 'peers.csv' }, option: '--peers', why: 'both --peers and --peers-file', files: { 'peers.csv': '300kbps,2Mbps\n' } }],
  },
];

for (const { id, name, hint, bad } of CASES) {
  suite.case({ id, level: 'rfc', name, points: 1 }, async (t) => {
    await allInOrder(bad.map((input) => expectRejected(t, input, hint)));
  });
}
