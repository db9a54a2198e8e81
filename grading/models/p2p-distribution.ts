// The contract's arithmetic (textbook 2.5.1), written for the grader apart from the reference solution: the suite
// compares every program, the reference included, with this, and a self-test checks this against the textbook.
import { KitError } from '../../harness/failure.ts';

export type Bound = 'server-upload' | 'client-download' | 'aggregate-upload';

/** Answers agree when they differ by at most this fraction of the larger. */
export const RELATIVE_TOLERANCE = 1e-9;

/** Whether two numbers agree within RELATIVE_TOLERANCE. */
export function agrees(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** Size units in bits, exactly as the contract lists them ('' is a bare number). */
export const SIZE_UNITS: Readonly<Record<string, number>> = {
  '': 1, bit: 1, kbit: 1e3, Kbit: 1e3, Mbit: 1e6, Gbit: 1e9,
  B: 8, kB: 8e3, KB: 8e3, MB: 8e6, GB: 8e9,
};

/** Rate units in bits per second ('' is a bare number). */
export const RATE_UNITS: Readonly<Record<string, number>> = {
  '': 1, bps: 1, kbps: 1e3, Kbps: 1e3, Mbps: 1e6, Gbps: 1e9,
  'B/s': 8, 'kB/s': 8e3, 'KB/s': 8e3, 'MB/s': 8e6, 'GB/s': 8e9,
};

/** The value of a quantity the grader wrote itself ("1.5GB", "700kbps", "0"), in bits or bits per second. */
export function valueOf(text: string, units: Readonly<Record<string, number>>): number {
  const match = /^([0-9.]+)(.*)$/.exec(text);
  const factor = match ? units[match[2]] : undefined;
  if (!match || factor === undefined) throw new KitError(`kit error: the grader wrote an invalid quantity ${JSON.stringify(text)}`);
  return Number(match[1]) * factor;
}

/** A group of peers as the formulas see it. */
export interface PeerGroup { count: number; minDownloadBps: number; uploadSumBps: number }

/** One lower bound of a distribution time. */
export interface Term { bound: Bound; formula: string; seconds: number }

/** A distribution time the contract requires, with every term and the names of the terms that decide it. */
export interface Expected { seconds: number; bounds: Bound[]; terms: Term[] }

function largest(terms: Term[]): Expected {
  const seconds = Math.max(...terms.map((term) => term.seconds));
  return { seconds, bounds: terms.filter((term) => agrees(term.seconds, seconds)).map((term) => term.bound), terms };
}

/** D_cs = max(N·F/u_s, F/d_min): the server uploads N copies; the slowest peer downloads one. */
export function clientServerTime(fileSizeBits: number, serverUploadBps: number, peers: PeerGroup): Expected {
  return largest([
    { bound: 'server-upload', formula: 'N·F/u_s', seconds: (peers.count * fileSizeBits) / serverUploadBps },
    { bound: 'client-download', formula: 'F/d_min', seconds: fileSizeBits / peers.minDownloadBps },
  ]);
}

/** D_p2p = max(F/u_s, F/d_min, N·F/(u_s + Σu_i)): one copy leaves the server; all N copies are uploaded by everyone. */
export function p2pTime(fileSizeBits: number, serverUploadBps: number, peers: PeerGroup): Expected {
  return largest([
    { bound: 'server-upload', formula: 'F/u_s', seconds: fileSizeBits / serverUploadBps },
    { bound: 'client-download', formula: 'F/d_min', seconds: fileSizeBits / peers.minDownloadBps },
    {
      bound: 'aggregate-upload',
      formula: 'N·F/(u_s + Σu_i)',
      seconds: (peers.count * fileSizeBits) / (serverUploadBps + peers.uploadSumBps),
    },
  ]);
}
