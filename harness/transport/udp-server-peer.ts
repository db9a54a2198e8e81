// The grader as a UDP server for a student's client: each datagram runs a session that answers, drops, delays,
// duplicates, or replies from another port.
import dgram from 'node:dgram';
import type { Transcript } from '../transcript.ts';
import { waitUntil } from './deadline.ts';
import { WakeSignal } from './wake-signal.ts';

/** One datagram the client sent: its payload, where it came from, and its number (0 for the first). */
export interface DatagramIn { payload: Buffer; address: string; port: number; index: number }

/** How a session answers one datagram. */
export interface UdpReplier {
  /** Sends `payload` to the datagram's sender, from the peer's own port, or with `fromOtherPort` from another one. */
  send(payload: string | Uint8Array, options?: { fromOtherPort?: boolean }): Promise<void>;
}

/** What the peer does with one datagram: a plain (async) function; sending nothing drops it. */
export type UdpSession = (datagram: DatagramIn, reply: UdpReplier) => void | Promise<void>;

function bound(port: number): Promise<dgram.Socket> {
  const socket = dgram.createSocket('udp4');
  return new Promise((resolve, reject) => {
    socket.once('error', reject);
    socket.bind(port, '127.0.0.1', () => { socket.removeListener('error', reject); resolve(socket); });
  });
}

/** A UDP server on a loopback port whose every datagram is answered by the session, all of it recorded. */
export class UdpServerPeer {
  /** Every datagram's payload, in order of arrival. */
  readonly received: Buffer[] = [];
  /** Errors a session threw: a bug in the script. */
  readonly sessionErrors: Error[] = [];
  private readonly signal = new WakeSignal();
  private other: Promise<dgram.Socket> | undefined;
  private closed = false;

  private constructor(private readonly socket: dgram.Socket, readonly port: number, private readonly transcript: Transcript,
    session: UdpSession) {
    socket.on('message', (payload, rinfo) => {
      const datagram = { payload, address: rinfo.address, port: rinfo.port, index: this.received.length };
      this.received.push(payload);
      transcript.data('C', payload, `[datagram from :${rinfo.port}] `, 'datagram');
      this.signal.notify();
      const reply: UdpReplier = { send: (bytes, options) => this.send(Buffer.from(bytes), datagram, options?.fromOtherPort ?? false) };
      void (async () => session(datagram, reply))().catch((error: Error) => {
        this.sessionErrors.push(error);
        transcript.note(`kit error in the grader's session: ${error.message}`);
      });
    });
    socket.on('error', () => { /* a client that vanished is not the grader's problem */ });
  }

  /** Binds 127.0.0.1:port (a port from `freePort`; it may be the port of a TCP peer too) until `close()`. */
  static async start(port: number, transcript: Transcript, session: UdpSession): Promise<UdpServerPeer> {
    const socket = await bound(port);
    transcript.note(`grader listening on 127.0.0.1:${port} (UDP)`);
    return new UdpServerPeer(socket, port, transcript, session);
  }

  private async send(payload: Buffer, to: DatagramIn, fromOtherPort: boolean): Promise<void> {
    if (this.closed) return;
    const socket = fromOtherPort ? await (this.other ??= bound(0)) : this.socket;
    if (this.closed) return;
    const from = fromOtherPort ? ` from another port, :${socket.address().port}` : '';
    this.transcript.data('S', payload, `[datagram to :${to.port}${from}] `, 'datagram');
    await new Promise<void>((resolve) => socket.send(payload, to.port, to.address, () => resolve()));
  }

  /** Resolves when at least `count` datagrams have arrived, or after `ms`. */
  async waitForDatagrams(count: number, ms: number): Promise<void> {
    await waitUntil(this.signal, () => this.received.length >= count, ms);
  }

  close(): void {
    this.closed = true;
    try { this.socket.close(); } catch { /* already closed */ }
    void this.other?.then((socket) => socket.close(), () => undefined);
  }
}
