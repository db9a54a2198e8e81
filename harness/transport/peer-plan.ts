// How a client case declares the grader's side once, so that the case and `socklab serve` start the same peer.
import { KitError } from '../failure.ts';
import { freePort } from '../ports.ts';
import { Random, caseSeed } from '../random.ts';
import type { Transcript } from '../transcript.ts';
import { TcpServerPeer, type TcpSession } from './tcp-server-peer.ts';
import { UdpServerPeer, type UdpSession } from './udp-server-peer.ts';

/** The grader's side of one client case: a TCP session, a UDP session, or both on one port (as DNS has). */
export interface PeerPlan {
  /** One line on what this peer does, printed by `socklab serve`. */
  about: string;
  tcp?: TcpSession;
  udp?: UdpSession;
}

/** What a peer may want to know when it is built: the port it will listen on, and the transcript it writes to. */
export interface PeerOptions { port: number; transcript?: Transcript }

/** Builds a case's peer from its own seeded random stream; `P` may carry what the case checks against. */
export type PeerFactory<P extends PeerPlan = PeerPlan> = (random: Random, options: PeerOptions) => P;

/** An exercise's peers (grading/suites/<id>/support/peers.ts): case id → peer, and the one `serve` starts by default. */
export interface PeerTable<P extends PeerPlan = PeerPlan> {
  default: string;
  cases: Record<string, PeerFactory<P>>;
}

/** A peer's random stream: its own, so it draws the same values whatever the case draws for its inputs. */
export function peerRandom(seed: number, caseId: string): Random {
  return new Random(caseSeed(seed, `${caseId}/peer`));
}

/** A running peer: its port, its plan, and the TCP and UDP servers it started. */
export interface StartedPeer<P extends PeerPlan = PeerPlan> {
  port: number;
  plan: P;
  tcp?: TcpServerPeer;
  udp?: UdpServerPeer;
  close(): void;
}

/** Starts the table's peer for `caseId` on `port` (a free one, for TCP and UDP alike, when not given). */
export async function startPeer<P extends PeerPlan>(table: PeerTable<P>, caseId: string, seed: number, transcript: Transcript,
  port?: number): Promise<StartedPeer<P>> {
  const factory = table.cases[caseId];
  if (!factory) throw new KitError(`kit error: no peer is declared for case ${caseId}`);
  const chosen = port ?? await freePort('udp'); // a 'udp' port is free for TCP too
  const plan = factory(peerRandom(seed, caseId), { port: chosen, transcript });
  const started: StartedPeer<P> = { port: chosen, plan, close: () => { started.tcp?.close(); started.udp?.close(); } };
  try {
    if (plan.tcp) started.tcp = await TcpServerPeer.start(chosen, transcript, plan.tcp);
    if (plan.udp) started.udp = await UdpServerPeer.start(chosen, transcript, plan.udp);
  } catch (error) {
    started.close();
    throw error;
  }
  return started;
}
