// The grader as a UDP client of a student's server: sends datagrams and waits for the reply each one must get.
import dgram from 'node:dgram';
import { GradingFailure } from './failure.ts';
import { cutHint, hintFor } from './hints.ts';
import { checkListening } from './readiness.ts';
import { printfPipe } from './shell-quote.ts';
import { timeout } from './timeouts.ts';
import { waitUntil } from './transport/deadline.ts';
import { WakeSignal } from './transport/wake-signal.ts';
import type { Transcript } from './transcript.ts';
import type { ExpectOptions } from './tcp-connection.ts';

/**
 * A datagram's expectation; `repro` replaces the one-datagram line when the exchange needs more to show. A case that
 * judges another feature reads the reply leniently, so one mistake costs only its own case: `anyPort` takes a reply
 * from another port of the server's, `anyCase` compares the reply's uppercase (a case that judges the uppercasing
 * itself leaves both off).
 */
export type DatagramExpectation = ExpectOptions & { repro?: string[]; anyPort?: boolean; anyCase?: boolean };

interface Datagram { payload: Buffer; port: number; address: string }

/** One UDP socket of the grader's, bound to an ephemeral loopback port, recording datagrams in the transcript. */
export class UdpSocket {
  private readonly queue: Datagram[] = [];
  private readonly signal = new WakeSignal();
  private lastSent: { payload: Buffer; port: number } | undefined;
  private unreachable = false;

  private constructor(private readonly socket: dgram.Socket, readonly localPort: number,
    private readonly transcript: Transcript, private readonly label: string) {
    socket.on('message', (payload, rinfo) => {
      this.queue.push({ payload, port: rinfo.port, address: rinfo.address });
      transcript.data('S', payload, `${label}[datagram from :${rinfo.port}] `, 'datagram');
      this.signal.notify();
    });
    // Linux reports an ICMP port-unreachable on the next operation: nothing is bound where we sent.
    socket.on('error', () => { this.unreachable = true; this.signal.notify(); });
  }

  static open(transcript: Transcript, label = ''): Promise<UdpSocket> {
    return new Promise((resolve, reject) => {
      const socket = dgram.createSocket({ type: 'udp4', recvBufferSize: 1 << 20, sendBufferSize: 1 << 20 });
      socket.once('error', reject);
      socket.bind(0, '127.0.0.1', () => {
        socket.removeListener('error', reject);
        resolve(new UdpSocket(socket, socket.address().port, transcript, label));
      });
    });
  }

  send(port: number, payload: string | Uint8Array): Promise<void> {
    const bytes = Buffer.from(payload);
    this.lastSent = { payload: bytes, port };
    this.transcript.data('C', bytes, `${this.label}[datagram to :${port}] `, 'datagram');
    return new Promise((resolve, reject) => this.socket.send(bytes, port, '127.0.0.1', (error) => (error ? reject(error) : resolve())));
  }

  /** A shell line that sends the last datagram by hand and prints the reply. */
  reproLine(): string {
    if (!this.lastSent) return '';
    const { payload, port } = this.lastSent;
    // nc sends nothing for empty input, so an empty datagram is sent (and its reply shown) by node itself.
    if (payload.length === 0) {
      return `node -e "const s = require('node:dgram').createSocket('udp4'); ` +
        `s.on('message', (m, r) => { console.log(JSON.stringify(m.toString()), r.port === ${port} ? '' : 'from another port, ' + r.port); s.close(); }); ` +
        `setTimeout(() => s.close(), 1000).unref(); s.send(Buffer.alloc(0), ${port}, '127.0.0.1')"`;
    }
    // printf cannot carry a datagram this long on one line: node sends one of the same size and counts the reply.
    if (payload.length > 600) {
      return `node -e "const s = require('node:dgram').createSocket('udp4'); const m = Buffer.alloc(${payload.length}, 'a'); ` +
        `s.on('message', (r) => { console.log('reply of ' + r.length + ' bytes to ' + m.length + ' sent, uppercase: ' + r.equals(Buffer.from(m.toString().toUpperCase()))); s.close(); }); ` +
        `setTimeout(() => s.close(), 1000).unref(); s.send(m, ${port}, '127.0.0.1')"`;
    }
    return printfPipe(payload, `nc -u -w1 127.0.0.1 ${port}`);
  }

  /** The next datagram, or undefined after `ms`. */
  async receive(ms: number = timeout('reply')): Promise<Datagram | undefined> {
    await waitUntil(this.signal, () => this.queue.length > 0, ms);
    return this.queue.shift();
  }

  /** Waits for the next datagram and checks its payload and that it came from `fromPort`. */
  async expectDatagram(expected: string | Uint8Array, fromPort: number, options: DatagramExpectation = {}): Promise<void> {
    const want = Buffer.from(expected);
    const ms = options.timeoutMs ?? timeout('reply');
    const got = await this.receive(ms);
    const base = { sent: this.lastSent?.payload, repro: options.repro ?? [this.reproLine()] };
    const prefix = options.what ? `${options.what}: ` : '';
    if (!got) {
      // Linux does not report ICMP port-unreachable to an unconnected socket: look at the socket table instead.
      const to = this.lastSent?.port;
      const nothingBound = this.unreachable || (to !== undefined && (await checkListening(to, 'udp')) === 'not-yet');
      throw new GradingFailure({
        ...base,
        summary: `${prefix}no reply datagram arrived within ${ms} ms`,
        expected: want,
        received: Buffer.alloc(0),
        // When nothing is bound any more, that is the cause, whatever the case's own advice says; advice about a
        // reply's content (options.contentHint) has no place when no reply came.
        hint: nothingBound
          ? `Nothing is bound to UDP port ${to} any more: did the server crash, or close its socket (see its stderr)?`
          : `Your program sent nothing back: no datagram arrived within ${ms} ms.\n` +
            (options.hint ?? 'Send the reply to the address and port the datagram came from (rinfo.port, rinfo.address),\n' +
            'and keep receiving after each reply: one server handles many datagrams.'),
      });
    }
    if (got.port !== fromPort && !options.anyPort) {
      throw new GradingFailure({
        ...base,
        summary: `${prefix}the reply came from port ${got.port}, not from the server's port ${fromPort}`,
        hint: 'Reply with the same socket that received the datagram, so that the client sees the reply come from\n' +
          'the port it sent to.',
      });
    }
    const payload = options.anyCase ? Buffer.from(got.payload.toString('utf8').toUpperCase()) : got.payload;
    if (payload.length < want.length && payload.equals(want.subarray(0, payload.length))) {
      throw new GradingFailure({ ...base, summary: `${prefix}the reply is only the first ${got.payload.length} of ${want.length} bytes`, expected: want, received: got.payload,
        hint: [cutHint(got.payload.length, want.length), options.hint].filter(Boolean).join('\n') });
    }
    if (!payload.equals(want)) {
      const own = [options.hint, options.contentHint].filter(Boolean).join('\n') || undefined;
      throw new GradingFailure({ ...base, summary: `${prefix}the reply differs from what was expected`, expected: want, received: got.payload, hint: hintFor('mismatch', own) });
    }
  }

  close(): void {
    try { this.socket.close(); } catch { /* already closed */ }
  }
}
