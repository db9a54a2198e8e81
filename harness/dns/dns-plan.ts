// The grader's DNS server as a transport peer plan: UDP and TCP on one port, answering each query as the case
// scripts it, with each message also shown in dig's notation and every arrival logged with its time.
import type { Transcript } from '../transcript.ts';
import { sleep, waitUntil, WakeSignal, type PeerPlan, type TcpSession, type UdpSession } from '../transport/index.ts';
import { withLengthPrefix } from './encode-reply.ts';
import { renderMessage } from './render-message.ts';

/** One datagram the server sends for a query: after a pause, and maybe from another port (a forgery). */
export interface Datagram { bytes: Buffer; delayMs?: number; fromOtherPort?: boolean; label?: string }

/** A reply over TCP: the message (the length prefix is added), sent in pieces of `pieceBytes` when given. */
export interface StreamReply { bytes: Buffer; pieceBytes?: number; pieceGapMs?: number }

/** How the server answers: per UDP query (by its index) a list of datagrams, per TCP query a reply or none. */
export interface DnsScript {
  udp: (query: Buffer, index: number) => Datagram[];
  tcp?: (query: Buffer, index: number) => StreamReply | undefined;
}

/** A message the resolver sent: its bytes, how it came, from which port, when (ms after the server started). */
export interface Arrival { transport: 'udp' | 'tcp'; bytes: Buffer; fromPort: number; at: number }

/** Every query the server received, with its time, and a wait for the next one. */
export class QueryLog {
  readonly arrivals: Arrival[] = [];
  private readonly started = Date.now();
  private readonly signal = new WakeSignal();

  add(transport: Arrival['transport'], bytes: Buffer, fromPort: number): void {
    this.arrivals.push({ transport, bytes, fromPort, at: Date.now() - this.started });
    this.signal.notify();
  }

  get udp(): Arrival[] { return this.arrivals.filter((a) => a.transport === 'udp'); }
  get tcp(): Arrival[] { return this.arrivals.filter((a) => a.transport === 'tcp'); }

  /** Resolves when `count` queries have arrived (over `transport`, or either), or after `ms`. */
  async waitFor(count: number, ms: number, transport?: Arrival['transport']): Promise<void> {
    await waitUntil(this.signal, () => this.arrivals.filter((a) => !transport || a.transport === transport).length >= count, ms);
  }
}

/** A DNS server plan: `about` for `socklab serve`, the sessions, and the log the case reads. */
export interface DnsPeerPlan extends PeerPlan { log: QueryLog }

/** The transcript line for a message, in dig's notation, under the raw bytes the transport recorded. */
const show = (transcript: Transcript | undefined, bytes: Buffer, what: string) => transcript?.note(`   ${what}: ${renderMessage(bytes)}`);

/** Turns a script into the transport's UDP and TCP sessions (one port for both, as DNS has). */
export function dnsPlan(about: string, script: DnsScript, transcript?: Transcript): DnsPeerPlan {
  const log = new QueryLog();
  const udp: UdpSession = async (datagram, reply) => {
    log.add('udp', datagram.payload, datagram.port);
    show(transcript, datagram.payload, 'the query');
    const plan = script.udp(datagram.payload, datagram.index);
    if (plan.length === 0) transcript?.note(`   the grader does not answer query ${datagram.index + 1} (as if it were lost)`);
    for (const out of plan) {
      if (out.delayMs) await sleep(out.delayMs);
      show(transcript, out.bytes, out.label ?? 'the reply');
      await reply.send(out.bytes, { fromOtherPort: out.fromOtherPort });
    }
  };
  const tcp: TcpSession = async (stream) => {
    for (let index = 0; ; index++) {
      const query = await stream.readLengthPrefixed();
      log.add('tcp', query, stream.socket.remotePort ?? 0);
      show(transcript, query, 'the query over TCP');
      const answer = script.tcp?.(query, index);
      if (!answer) continue;
      show(transcript, answer.bytes, `the reply over TCP${answer.pieceBytes ? `, in pieces of ${answer.pieceBytes} byte(s)` : ''}`);
      if (answer.pieceBytes) await stream.writeInPieces(withLengthPrefix(answer.bytes), answer.pieceBytes, answer.pieceGapMs ?? 0);
      else stream.writeLengthPrefixed(answer.bytes);
    }
  };
  return { about, udp, tcp, log };
}
