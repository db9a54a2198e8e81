// The grader's DNS server: UDP and TCP on one loopback port, answering each query as the case scripts it.
import dgram from 'node:dgram';
import net from 'node:net';
import { freePort } from '../ports.ts';
import type { Transcript } from '../transcript.ts';
import { WakeSignal } from '../wake-signal.ts';
import { withLengthPrefix } from './encode-reply.ts';
import { renderMessage } from './render-message.ts';

/** One datagram the peer sends for a query: after a pause, and maybe from another port (a forgery). */
export interface Datagram { bytes: Buffer; delayMs?: number; fromOtherPort?: boolean; label?: string }

/** A reply over TCP: the message (the peer adds the length prefix), sent in pieces of `pieceBytes`. */
export interface StreamReply { bytes: Buffer; pieceBytes?: number; pieceGapMs?: number }

/** How the peer answers: per UDP query (by its index) a list of datagrams, per TCP query a reply or none. */
export interface DnsScript {
  udp: (query: Buffer, index: number) => Datagram[];
  tcp?: (query: Buffer, index: number) => StreamReply | undefined;
}

/** A message the resolver sent: its bytes, how it came, from which port, when (ms after the peer started). */
export interface Arrival { transport: 'udp' | 'tcp'; bytes: Buffer; fromPort: number; at: number }

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export class DnsPeer {
  readonly arrivals: Arrival[] = [];
  /** Every byte each TCP connection sent, framed or not, to show a query sent without its length prefix. */
  readonly tcpBytes: Buffer[] = [];
  private readonly signal = new WakeSignal();
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly sockets = new Set<net.Socket>();
  private readonly started = Date.now();
  private closed = false;

  private constructor(readonly port: number, private readonly udp: dgram.Socket, private readonly other: dgram.Socket,
    private readonly tcp: net.Server, private readonly transcript: Transcript, private readonly script: DnsScript) {
    udp.on('message', (bytes, from) => this.onDatagram(bytes, from));
    udp.on('error', () => { /* a resolver that vanished is not the grader's problem */ });
    other.on('error', () => {});
    tcp.on('connection', (socket) => this.onConnection(socket));
  }

  /** Binds UDP and TCP on one free port (and a second UDP socket for forgeries from another port). */
  static async start(transcript: Transcript, script: DnsScript, port?: number): Promise<DnsPeer> {
    const chosen = port ?? await freePort('udp');
    const udp = dgram.createSocket('udp4');
    const other = dgram.createSocket('udp4');
    const tcp = net.createServer();
    await new Promise<void>((resolve, reject) => { udp.once('error', reject); udp.bind(chosen, '127.0.0.1', () => resolve()); });
    await new Promise<void>((resolve, reject) => { other.once('error', reject); other.bind(0, '127.0.0.1', () => resolve()); });
    await new Promise<void>((resolve, reject) => { tcp.once('error', reject); tcp.listen(chosen, '127.0.0.1', () => resolve()); });
    transcript.note(`grader's DNS server on 127.0.0.1:${chosen} (UDP and TCP)`);
    return new DnsPeer(chosen, udp, other, tcp, transcript, script);
  }

  get udpQueries(): Arrival[] { return this.arrivals.filter((a) => a.transport === 'udp'); }
  get tcpQueries(): Arrival[] { return this.arrivals.filter((a) => a.transport === 'tcp'); }

  /** A message in the transcript as one line of dig-like text (the raw bytes stay in `arrivals` for the caret). */
  private show(speaker: 'C' | 'S', bytes: Buffer, label: string): void {
    this.transcript.data(speaker, `${renderMessage(bytes)}\n`, label);
  }

  private later(ms: number, work: () => void): void {
    const timer = setTimeout(() => { this.timers.delete(timer); if (!this.closed) work(); }, ms);
    this.timers.add(timer);
  }

  private onDatagram(bytes: Buffer, from: dgram.RemoteInfo): void {
    const index = this.udpQueries.length;
    this.arrivals.push({ transport: 'udp', bytes, fromPort: from.port, at: Date.now() - this.started });
    this.show('C', bytes, `[UDP from :${from.port}] `);
    this.signal.notify();
    const plan = this.script.udp(bytes, index);
    if (plan.length === 0) this.transcript.note(`grader does not answer query ${index + 1} (as if it were lost)`);
    let delay = 0;
    for (const datagram of plan) {
      delay += datagram.delayMs ?? 0;
      this.later(delay, () => {
        const socket = datagram.fromOtherPort ? this.other : this.udp;
        const label = `[UDP ${datagram.fromOtherPort ? `from :${socket.address().port}, not :${this.port}` : `to :${from.port}`}${datagram.label ? `, ${datagram.label}` : ''}] `;
        this.show('S', datagram.bytes, label);
        socket.send(datagram.bytes, from.port, from.address);
      });
    }
  }

  private onConnection(socket: net.Socket): void {
    this.sockets.add(socket);
    socket.setNoDelay(true);
    const connection = this.tcpBytes.push(Buffer.alloc(0)) - 1;
    this.transcript.note(`[TCP] resolver connected from :${socket.remotePort}`);
    let pending = Buffer.alloc(0);
    let queue = Promise.resolve();
    socket.on('data', (chunk: Buffer) => {
      this.tcpBytes[connection] = Buffer.concat([this.tcpBytes[connection], chunk]);
      this.signal.notify();
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 2 && pending.length >= 2 + pending.readUInt16BE(0)) {
        const bytes = pending.subarray(2, 2 + pending.readUInt16BE(0));
        pending = pending.subarray(2 + bytes.length);
        const index = this.tcpQueries.length;
        this.arrivals.push({ transport: 'tcp', bytes, fromPort: socket.remotePort ?? 0, at: Date.now() - this.started });
        this.show('C', bytes, `[TCP, length ${bytes.length}] `);
        this.signal.notify();
        const reply = this.script.tcp?.(bytes, index);
        if (reply) queue = queue.then(() => this.sendStream(socket, reply));
      }
    });
    socket.on('error', () => {});
    socket.on('close', () => { this.sockets.delete(socket); this.signal.notify(); });
  }

  private async sendStream(socket: net.Socket, reply: StreamReply): Promise<void> {
    const framed = withLengthPrefix(reply.bytes);
    const size = reply.pieceBytes ?? framed.length;
    const pieces = Math.ceil(framed.length / size);
    this.show('S', reply.bytes, `[TCP, length ${reply.bytes.length}${pieces > 1 ? `, in ${pieces} pieces of ${size} byte${size > 1 ? 's' : ''}` : ''}] `);
    for (let at = 0; at < framed.length; at += size) {
      if (at > 0 && reply.pieceGapMs) await sleep(reply.pieceGapMs);
      if (socket.destroyed || this.closed) return;
      socket.write(framed.subarray(at, at + size));
    }
  }

  /** Resolves when `count` messages have arrived (over `transport`, or either), or after `ms`. */
  async waitForQueries(count: number, ms: number, transport?: 'udp' | 'tcp'): Promise<void> {
    const deadline = Date.now() + ms;
    const have = () => this.arrivals.filter((a) => !transport || a.transport === transport).length;
    while (have() < count && Date.now() < deadline) await this.signal.wait(deadline - Date.now());
  }

  close(): void {
    this.closed = true;
    for (const timer of this.timers) clearTimeout(timer);
    for (const socket of this.sockets) socket.destroy();
    this.tcp.close();
    for (const socket of [this.udp, this.other]) { try { socket.close(); } catch { /* already closed */ } }
  }
}
