// The grader as a scripted UDP server: a session per datagram that answers, drops, delays, duplicates, or replies
// from another port, on a port it may share with a TCP peer.
import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, expect, test } from 'vitest';
import { Transcript } from '../transcript.ts';
import { sleep, startPeer, UdpServerPeer, waitUntil, WakeSignal, type PeerTable, type UdpSession } from '../transport/index.ts';
import { freePort } from '../ports.ts';

const cleanups: Array<() => void> = [];
afterEach(() => { for (const work of cleanups.splice(0).reverse()) work(); });

async function peer(session: UdpSession): Promise<UdpServerPeer> {
  const started = await UdpServerPeer.start(await freePort('udp'), new Transcript(), session);
  cleanups.push(() => started.close());
  return started;
}

/** Sends `payload` to `port` and collects the replies (payload, source port, ms after the send) until `count` came or `ms` passed. */
async function ask(port: number, payload: string, count = 1, ms = 2000): Promise<Array<{ text: string; from: number; at: number }>> {
  let sentAt = 0;
  const socket = dgram.createSocket('udp4');
  const replies: Array<{ text: string; from: number; at: number }> = [];
  const signal = new WakeSignal();
  socket.on('message', (message, rinfo) => { replies.push({ text: message.toString(), from: rinfo.port, at: Date.now() - sentAt }); signal.notify(); });
  await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', () => resolve()));
  sentAt = Date.now();
  socket.send(payload, port, '127.0.0.1');
  await waitUntil(signal, () => replies.length >= count, ms);
  socket.close();
  return replies;
}

test('answers, drops, duplicates', async () => {
  const server = await peer(async (datagram, reply) => {
    const text = datagram.payload.toString();
    if (text === 'drop') return;
    await reply.send(text.toUpperCase());
    if (text === 'twice') await reply.send(text.toUpperCase());
  });
  expect((await ask(server.port, 'hi')).map(({ text, from }) => ({ text, from }))).toEqual([{ text: 'HI', from: server.port }]);
  expect(await ask(server.port, 'drop', 1, 300)).toEqual([]);
  expect((await ask(server.port, 'twice', 2)).map((reply) => reply.text)).toEqual(['TWICE', 'TWICE']);
  expect(server.received.map(String)).toEqual(['hi', 'drop', 'twice']);
});

test('delays, and replies from another port', async () => {
  const server = await peer(async (datagram, reply) => {
    await reply.send('forged', { fromOtherPort: true });
    await sleep(150);
    await reply.send('real');
  });
  const [forged, real] = await ask(server.port, 'q', 2);
  expect([forged?.text, real?.text]).toEqual(['forged', 'real']);
  expect(forged.from).not.toBe(server.port);
  expect(real.from).toBe(server.port);
  // Only a lower bound from the send can be trusted: on a busy machine the forged reply may be read late, which
  // shortens the gap between the two arrivals, but nothing makes the real reply arrive before the peer's sleep ended.
  expect(real.at).toBeGreaterThanOrEqual(145);
});

test('a peer plan runs TCP and UDP on one port', async () => {
  const table: PeerTable = {
    default: 'both',
    cases: {
      both: () => ({
        about: 'TCP and UDP',
        udp: async (datagram, reply) => { await reply.send(`udp ${datagram.payload}`); },
        tcp: async (stream) => { stream.write(`tcp ${await stream.readLine('lf')}\n`); },
      }),
    },
  };
  const started = await startPeer(table, 'both', 1, new Transcript());
  cleanups.push(() => started.close());
  expect((await ask(started.port, 'a')).map((reply) => reply.text)).toEqual(['udp a']);
  const tcp = await new Promise<string>((resolve) => {
    const socket = net.connect(started.port, '127.0.0.1', () => socket.end('b\n'));
    let text = '';
    socket.on('data', (chunk) => { text += chunk; });
    socket.on('end', () => resolve(text));
  });
  expect(tcp).toBe('tcp b\n');
});
