// The textbook's own problem (chapter 2's problems: "Consider distributing a file of F = 15 Gbits to N peers. The
// server has an upload rate of u_s = 30 Mbps, and each peer has a download rate of d_i = 2 Mbps and an upload rate
// of u…"), with its whole table worked out by hand. The suite runs these scenarios; a self-test holds the grader's
// model to these numbers.
import type { Bound } from '../../models/p2p-distribution.ts';
import type { Scenario } from './scenario.ts';

export const TEXTBOOK_UPLOADS = ['300kbps', '700kbps', '2Mbps'] as const;
export const TEXTBOOK_COUNTS = [10, 100, 1000] as const;

/** One column of the table: every N for one peer upload rate u. */
export function textbookScenario(upload: string): Scenario {
  return { fileSize: '15Gbit', serverUpload: '30Mbps', peers: { download: '2Mbps', upload, counts: [...TEXTBOOK_COUNTS] } };
}

type Cell = [seconds: number, bound: Bound];

/** D_cs by N: N·F/u_s = N × 500 s against F/d = 7500 s; the peers' upload plays no part. */
export const TEXTBOOK_CLIENT_SERVER: Record<number, Cell> = {
  10: [7500, 'client-download'],
  100: [50_000, 'server-upload'],
  1000: [500_000, 'server-upload'],
};

/** D_p2p by u and N: F/u_s = 500 s, F/d = 7500 s, N·F/(u_s + N·u) = 15e9·N / (30e6 + N·u). */
export const TEXTBOOK_P2P: Record<string, Record<number, Cell>> = {
  '300kbps': { 10: [7500, 'client-download'], 100: [25_000, 'aggregate-upload'], 1000: [500_000 / 11, 'aggregate-upload'] },
  '700kbps': { 10: [7500, 'client-download'], 100: [15_000, 'aggregate-upload'], 1000: [1_500_000 / 73, 'aggregate-upload'] },
  '2Mbps': { 10: [7500, 'client-download'], 100: [7500, 'client-download'], 1000: [7500, 'client-download'] },
};
