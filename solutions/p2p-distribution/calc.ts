// File distribution time (Kurose & Ross 2.5.1): how long the fastest possible schedule takes to give a file of F bits
// to N peers, when only the server uploads (client-server) and when every peer uploads too (P2P).
//
//   node calc.js --file-size 15Gbit --server-upload 30Mbps --download 2Mbps --upload 700kbps --peers 10,100,1000
//   node calc.js --file-size 15Gbit --server-upload 30Mbps --peers-file peers.csv [--table]
//
// Each time is the largest of a few lower bounds, and the largest one is the term that decides:
//   client-server  D_cs  = max(N·F/u_s, F/d_min)
//   P2P            D_p2p = max(F/u_s, F/d_min, N·F/(u_s + Σu_i))
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';

type Bound = 'server-upload' | 'client-download' | 'aggregate-upload';
interface Peers { count: number; minDownload: number; uploadSum: number }

/** A bad command line: one line on stderr naming the option, exit code 2. */
class UsageError extends Error {}

/** Units by name, in bits: the bit and byte (8 bits) forms with decimal prefixes; K is accepted for k. */
function units(bit: string, byte: string): Map<string, number> {
  const table = new Map<string, number>([['', 1]]);
  for (const [prefix, factor] of [['', 1], ['k', 1e3], ['K', 1e3], ['M', 1e6], ['G', 1e9]] as const) {
    table.set(prefix + bit, factor);
    table.set(prefix + byte, 8 * factor);
  }
  return table;
}
const SIZE_UNITS = units('bit', 'B');
const RATE_UNITS = units('bps', 'B/s');

/** "1.5GB" → 1.2e10 bits, "700kbps" → 7e5 bits per second; a bare number is bits (per second). */
function quantity(option: string, text: string, table: Map<string, number>, zeroAllowed = false): number {
  const names = [...table.keys()].filter(Boolean).join(', ');
  const match = /^(\d+(?:\.\d+)?|\.\d+)\s*(\S*)$/.exec(text.trim());
  if (!match) {
    throw new UsageError(`${option} ${JSON.stringify(text)}: expected a positive number with an optional unit (${names})`);
  }
  const factor = table.get(match[2]);
  if (factor === undefined) throw new UsageError(`${option} ${text}: unknown unit "${match[2]}"; use one of ${names}`);
  const value = Number(match[1]) * factor;
  if (value === 0 && !zeroAllowed) throw new UsageError(`${option} ${text}: must be more than 0`);
  return value;
}

/** "10,100,1000" → [10, 100, 1000]: whole numbers of peers, at least 1. */
function peerCounts(text: string): number[] {
  return text.split(',').map((item) => {
    if (!/^\d+$/.test(item.trim()) || Number(item) < 1) {
      throw new UsageError(`--peers ${text}: "${item}" is not a whole number of peers (at least 1)`);
    }
    return Number(item);
  });
}

/** One peer a line, "upload,download": N is the number of lines, d_min the slowest download, Σu the uploads added up. */
async function peersFromFile(file: string): Promise<Peers> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--peers-file ${file}: cannot read it (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const peers = { count: 0, minDownload: Infinity, uploadSum: 0 };
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '') continue;
    const where = `--peers-file ${file} line ${index + 1}`;
    const fields = line.split(',');
    if (fields.length !== 2) throw new UsageError(`${where}: expected "upload,download", got ${JSON.stringify(line)}`);
    peers.count += 1;
    peers.uploadSum += quantity(`${where} upload`, fields[0], RATE_UNITS, true);
    peers.minDownload = Math.min(peers.minDownload, quantity(`${where} download`, fields[1], RATE_UNITS));
  }
  if (peers.count === 0) throw new UsageError(`--peers-file ${file}: no peers in it (one "upload,download" a line)`);
  return peers;
}

/** The largest of the lower bounds, and which one it is. */
function largest(terms: Partial<Record<Bound, number>>): { seconds: number; bound: Bound } {
  const [bound, seconds] = (Object.entries(terms) as Array<[Bound, number]>).reduce((a, b) => (b[1] > a[1] ? b : a));
  return { seconds, bound };
}

/** D_cs and D_p2p for one group of peers, each with the term that decides it. */
function distributionTimes(fileSize: number, serverUpload: number, peers: Peers) {
  const { count, minDownload, uploadSum } = peers;
  return {
    peers: count,
    clientServer: largest({ 'server-upload': (count * fileSize) / serverUpload, 'client-download': fileSize / minDownload }),
    p2p: largest({
      'server-upload': fileSize / serverUpload,
      'client-download': fileSize / minDownload,
      'aggregate-upload': (count * fileSize) / (serverUpload + uploadSum),
    }),
  };
}

/** The rows as a table a person reads (--table). */
function table(rows: Array<ReturnType<typeof distributionTimes>>): string {
  const out = ['       peers   client-server (s)  decided by                P2P (s)  decided by'];
  for (const { peers, clientServer: cs, p2p } of rows) {
    out.push(`${String(peers).padStart(12)}  ${cs.seconds.toFixed(1).padStart(18)}  ${cs.bound.padEnd(16)}  ` +
      `${p2p.seconds.toFixed(1).padStart(12)}  ${p2p.bound}`);
  }
  return `${out.join('\n')}\n`;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      'file-size': { type: 'string' }, 'server-upload': { type: 'string' }, download: { type: 'string' },
      upload: { type: 'string' }, peers: { type: 'string' }, 'peers-file': { type: 'string' }, table: { type: 'boolean' },
    },
    strict: false,
  });
  const option = (name: string, required = true): string | undefined => {
    const value = values[name];
    if (typeof value === 'string') return value;
    if (value !== undefined || required) {
      throw new UsageError(`--${name} ${value === undefined ? 'is required' : 'needs a value'}`);
    }
    return undefined;
  };
  const fileSize = quantity('--file-size', option('file-size')!, SIZE_UNITS);
  const serverUpload = quantity('--server-upload', option('server-upload')!, RATE_UNITS);
  const file = option('peers-file', false);
  if (file !== undefined && values.peers !== undefined) {
    throw new UsageError('--peers and --peers-file: give one or the other');
  }
  if (file === undefined && values.peers === undefined) {
    throw new UsageError('--peers (with --download and --upload) or --peers-file is required');
  }

  let groups: Peers[];
  if (file !== undefined) {
    groups = [await peersFromFile(file)];
  } else {
    const counts = peerCounts(option('peers')!);
    const download = quantity('--download', option('download')!, RATE_UNITS);
    const upload = quantity('--upload', option('upload')!, RATE_UNITS, true);
    groups = counts.map((count) => ({ count, minDownload: download, uploadSum: count * upload }));
  }
  const rows = groups.map((peers) => distributionTimes(fileSize, serverUpload, peers));
  process.stdout.write(values.table
    ? `F = ${fileSize} bit, u_s = ${serverUpload} bit/s\n${table(rows)}`
    : `${JSON.stringify({ fileSizeBits: fileSize, serverUploadBps: serverUpload, rows }, null, 2)}\n`);
}

try {
  await main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`calc: ${error.message}`);
  process.exitCode = 2;
}
