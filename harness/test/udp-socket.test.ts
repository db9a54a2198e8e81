// The grader as a UDP client: a missing, misdirected or wrong reply is a GradingFailure naming the likely cause.
import { afterEach, describe, expect, test } from 'vitest';
import { GradingFailure, renderDetails } from '../failure.ts';
import { freePort } from '../ports.ts';
import { scaled } from '../timeouts.ts';
import { Transcript } from '../transcript.ts';
import { UdpSocket } from '../udp-socket.ts';
import { failureOf } from './support/hostile.ts';
import { tinyUdpServer, upper } from './support/tiny-servers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => { for (const work of cleanups.splice(0).reverse()) await work(); });

async function graderSocket(): Promise<UdpSocket> {
  const socket = await UdpSocket.open(new Transcript());
  cleanups.push(() => socket.close());
  return socket;
}

async function server(onMessage: Parameters<typeof tinyUdpServer>[0]) {
  const peer = await tinyUdpServer(onMessage);
  cleanups.push(peer.close);
  return peer.port;
}

async function failure(work: () => Promise<unknown>) {
  const { error, ms } = await failureOf(work);
  expect(error).toBeInstanceOf(GradingFailure);
  const details = (error as GradingFailure).details;
  return { details, ms, text: renderDetails(details).join('\n') };
}

const short = () => scaled(300);

describe('UdpSocket.expectDatagram', () => {
  test('passes on the right reply from the server\'s port', async () => {
    const port = await server((socket, message, from) => socket.send(upper(message), from.port, from.address));
    const client = await graderSocket();
    await client.send(port, 'hello');
    await client.expectDatagram('HELLO', port);
  });

  test('a wrong reply: caret, sent bytes, and an nc line', async () => {
    const port = await server((socket, message, from) => socket.send(Buffer.from('HELLo'), from.port, from.address));
    const client = await graderSocket();
    await client.send(port, 'hello');
    const { details, text } = await failure(() => client.expectDatagram('HELLO', port));
    expect(details.summary).toBe('the reply differs from what was expected');
    expect(text).toContain(`received  "HELLo"\n${' '.repeat(15)}^ first difference at byte 4`);
    expect(details.repro).toEqual([`printf 'hello' | nc -u -w1 127.0.0.1 ${port}`]);
  });

  test('no reply from a bound server: the reply-to-sender hint, in bounded time', async () => {
    const port = await server(() => { /* receives, never answers */ });
    const client = await graderSocket();
    await client.send(port, 'hello');
    const { details, ms } = await failure(() => client.expectDatagram('HELLO', port, { timeoutMs: short() }));
    expect(details.summary).toBe(`no reply datagram arrived within ${short()} ms`);
    expect(ms).toBeLessThan(short() + scaled(5000));
    expect(details.hint).toContain('Send the reply to the address and port the datagram came from');
  });

  test('no reply at all: says the program sent nothing back, and leaves out advice about a reply\'s content', async () => {
    const port = await server(() => { /* receives, never answers */ });
    const client = await graderSocket();
    await client.send(port, 'grüße');
    const { details } = await failure(() => client.expectDatagram('GRÜSSE', port, { timeoutMs: short(), contentHint: 'Decode the datagram as UTF-8.' }));
    expect(details.hint).toMatch(/^Your program sent nothing back: no datagram arrived within \d+ ms\./);
    expect(details.hint).not.toContain('UTF-8');
  });

  test('a reply cut by a small receive buffer: says where it was cut and why, not "check letter case"', async () => {
    // a server that reads into 2048 bytes, as recvfrom(2048) does, and answers what it kept
    const port = await server((socket, message, from) => socket.send(upper(message.subarray(0, 2048)), from.port, from.address));
    const client = await graderSocket();
    await client.send(port, 'a'.repeat(5000));
    const { details } = await failure(() => client.expectDatagram('A'.repeat(5000), port, { contentHint: 'Decode the datagram as UTF-8.' }));
    expect(details.summary).toBe('the reply is only the first 2048 of 5000 bytes');
    expect(details.hint).toContain('The reply was cut at 2048 bytes');
    expect(details.hint).toContain('recvfrom(2048)');
    expect(details.hint).not.toContain('letter case');
  });

  test('nothing bound at the port (the server crashed): says so, whatever the case\'s own hint', async () => {
    const port = await freePort('udp');
    const client = await graderSocket();
    await client.send(port, 'hello');
    const { details } = await failure(() => client.expectDatagram('HELLO', port, { timeoutMs: short(), hint: 'Uppercase it.' }));
    expect(details.hint).toBe(`Nothing is bound to UDP port ${port} any more: did the server crash, or close its socket (see its stderr)?`);
  });

  test('a reply from another port: names both ports', async () => {
    // The reply leaves from a second socket, as from a server that opens a new socket for each reply.
    const other = await tinyUdpServer(() => {});
    cleanups.push(other.close);
    const port = await server((_, message, from) => other.socket.send(upper(message), from.port, from.address));
    const client = await graderSocket();
    await client.send(port, 'hello');
    const { details } = await failure(() => client.expectDatagram('HELLO', port));
    expect(details.summary).toBe(`the reply came from port ${other.port}, not from the server's port ${port}`);
    expect(details.hint).toContain('Reply with the same socket that received the datagram');
  });
});

describe('UdpSocket.reproLine', () => {
  test('nothing sent yet: no line', async () => {
    expect((await graderSocket()).reproLine()).toBe('');
  });

  test('an empty datagram cannot be sent by nc: node sends it', async () => {
    const port = await server(() => {});
    const client = await graderSocket();
    await client.send(port, '');
    expect(client.reproLine()).toMatch(new RegExp(`^node -e ".*s\\.send\\(Buffer\\.alloc\\(0\\), ${port}, '127\\.0\\.0\\.1'\\)"$`));
  });
});
