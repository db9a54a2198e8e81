// A scripted UDP server that plays the other side for a student's client, and records what the client sent.
import dgram from 'node:dgram';
import { freePort } from './ports.ts';
import type { Transcript } from './transcript.ts';
import { WakeSignal } from './wake-signal.ts';

/** What the peer does with each datagram: the reply (or none) and how long to wait before sending it. */
export type UdpReply = (payload: Buffer) => { reply?: string | Uint8Array; delayMs?: number } | undefined;

/** A UDP server on a free loopback port whose replies are written by the case. */
export class UdpPeer {
  readonly received: Buffer[] = [];
  /** For each timed reply, how much later than planned it really left (ms): the grader's own lateness. */
  readonly replyLateness: number[] = [];
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly signal = new WakeSignal();

  private constructor(private readonly socket: dgram.Socket, readonly port: number, transcript: Transcript, answer: UdpReply) {
    socket.on('message', (payload, rinfo) => {
      this.received.push(payload);
      transcript.data('C', payload, `[datagram from :${rinfo.port}] `, 'datagram');
      this.signal.notify();
      const plan = answer(payload);
      if (plan?.reply === undefined) return;
      const reply = Buffer.from(plan.reply);
      const arrived = performance.now();
      const delay = plan.delayMs ?? 0;
      const timer = setTimeout(() => {
        this.timers.delete(timer);
        transcript.data('S', reply, `[datagram to :${rinfo.port}] `, 'datagram');
        socket.send(reply, rinfo.port, rinfo.address, () => this.replyLateness.push(performance.now() - arrived - delay));
      }, delay);
      this.timers.add(timer);
    });
    socket.on('error', () => { /* a client that vanished is not the grader's problem */ });
  }

  static async start(transcript: Transcript, answer: UdpReply): Promise<UdpPeer> {
    const port = await freePort('udp');
    const socket = dgram.createSocket('udp4');
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.bind(port, '127.0.0.1', () => { socket.removeListener('error', reject); resolve(); });
    });
    transcript.note(`grader listening on 127.0.0.1:${port} (UDP)`);
    return new UdpPeer(socket, port, transcript, answer);
  }

  /** Resolves when at least `count` datagrams have arrived, or after `ms`. */
  async waitForDatagrams(count: number, ms: number): Promise<void> {
    const deadline = Date.now() + ms;
    while (this.received.length < count && Date.now() < deadline) await this.signal.wait(deadline - Date.now());
  }

  /** The most any timed reply left later than planned, in ms (0 when none was late or none was sent). */
  get lateness(): number {
    return Math.max(0, ...this.replyLateness);
  }

  close(): void {
    for (const timer of this.timers) clearTimeout(timer);
    try { this.socket.close(); } catch { /* already closed */ }
  }
}
