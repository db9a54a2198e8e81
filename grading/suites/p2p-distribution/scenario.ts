// One valid input of the calc program as the grader writes it (its options and its peers file), and the answer the
// contract requires for it, computed by the grader's own model.
import { clientServerTime, p2pTime, RATE_UNITS, SIZE_UNITS, valueOf, type Expected, type PeerGroup } from '../../models/p2p-distribution.ts';

/** Every peer alike: --download, --upload, and one row for each count of --peers. */
export interface SamePeers { download: string; upload: string; counts: number[] }

/** Peers of their own kinds, one "upload,download" line each, given with --peers-file. */
export interface PeersFile { lines: Array<[upload: string, download: string]>; finalNewline: boolean }

export interface Scenario { fileSize: string; serverUpload: string; peers: SamePeers | PeersFile }

/** The name the peers file has in the commands shown to students. */
export const PEERS_FILE = 'peers.csv';

export interface ExpectedRow { peers: number; group: PeerGroup; clientServer: Expected; p2p: Expected }
export interface ExpectedAnswer { fileSizeBits: number; serverUploadBps: number; rows: ExpectedRow[] }

const isPeersFile = (peers: Scenario['peers']): peers is PeersFile => 'lines' in peers;

const bits = (text: string, units: Readonly<Record<string, number>>) => String(valueOf(text, units));

/**
 * The scenario with every quantity written as a bare number of bits (per second). One cause, one deduction: the
 * cases about formulas and peers use it, so a misread unit costs only the cases that judge units (size-units,
 * rate-units and the random inputs in every unit).
 */
export function inBits(scenario: Scenario): Scenario {
  const { peers } = scenario;
  return {
    fileSize: bits(scenario.fileSize, SIZE_UNITS),
    serverUpload: bits(scenario.serverUpload, RATE_UNITS),
    peers: isPeersFile(peers)
      ? { ...peers, lines: peers.lines.map(([upload, download]) => [bits(upload, RATE_UNITS), bits(download, RATE_UNITS)]) }
      : { ...peers, download: bits(peers.download, RATE_UNITS), upload: bits(peers.upload, RATE_UNITS) },
  };
}

/** The command line, with PEERS_FILE where the peers file goes. */
export function scenarioArgs(scenario: Scenario): string[] {
  const { peers } = scenario;
  const base = ['--file-size', scenario.fileSize, '--server-upload', scenario.serverUpload];
  return isPeersFile(peers)
    ? [...base, '--peers-file', PEERS_FILE]
    : [...base, '--download', peers.download, '--upload', peers.upload, '--peers', peers.counts.join(',')];
}

/** The peers file's text, when the scenario has one. */
export function peersFileText(scenario: Scenario): string | undefined {
  const { peers } = scenario;
  if (!isPeersFile(peers)) return undefined;
  return peers.lines.map(([upload, download]) => `${upload},${download}`).join('\n') + (peers.finalNewline ? '\n' : '');
}

/** The peer groups the scenario describes: one per --peers count, or the one group of the file. */
function peerGroups({ peers }: Scenario): PeerGroup[] {
  if (isPeersFile(peers)) {
    return [{
      count: peers.lines.length,
      minDownloadBps: Math.min(...peers.lines.map(([, download]) => valueOf(download, RATE_UNITS))),
      uploadSumBps: peers.lines.reduce((sum, [upload]) => sum + valueOf(upload, RATE_UNITS), 0),
    }];
  }
  const download = valueOf(peers.download, RATE_UNITS);
  const upload = valueOf(peers.upload, RATE_UNITS);
  return peers.counts.map((count) => ({ count, minDownloadBps: download, uploadSumBps: count * upload }));
}

/** What the contract requires the program to print for the scenario. */
export function expectedAnswer(scenario: Scenario): ExpectedAnswer {
  const fileSizeBits = valueOf(scenario.fileSize, SIZE_UNITS);
  const serverUploadBps = valueOf(scenario.serverUpload, RATE_UNITS);
  return {
    fileSizeBits,
    serverUploadBps,
    rows: peerGroups(scenario).map((group) => ({
      peers: group.count,
      group,
      clientServer: clientServerTime(fileSizeBits, serverUploadBps, group),
      p2p: p2pTime(fileSizeBits, serverUploadBps, group),
    })),
  };
}
