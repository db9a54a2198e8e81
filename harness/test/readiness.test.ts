// Readiness is read from the kernel's socket tables: real listeners of each kind must be told apart.
import { spawn } from 'node:child_process';
import dgram from 'node:dgram';
import net from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort } from '../ports.ts';
import { checkListening, holdsSocket, portsOwnedBy } from '../readiness.ts';

const closers: Array<() => Promise<void>> = [];
afterEach(async () => { for (const close of closers.splice(0)) await close(); });

async function tcpListener(host: string): Promise<number> {
  const port = await freePort('tcp');
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(port, host, resolve));
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  return port;
}

async function udpSocket(type: 'udp4' | 'udp6', host: string, ipv6Only = false): Promise<number> {
  const port = await freePort('udp');
  const socket = dgram.createSocket({ type, ipv6Only });
  await new Promise<void>((resolve) => socket.bind(port, host, resolve));
  closers.push(() => new Promise((resolve) => socket.close(() => resolve())));
  return port;
}

describe.runIf(process.platform === 'linux')('checkListening (Linux: /proc/net)', () => {
  test.each([['127.0.0.1'], ['0.0.0.0'], ['::']])('TCP listening on %s reaches 127.0.0.1: ready', async (host) => {
    expect(await checkListening(await tcpListener(host), 'tcp')).toBe('ready');
  });

  test('TCP listening on ::1 only: ipv6-only', async () => {
    expect(await checkListening(await tcpListener('::1'), 'tcp')).toBe('ipv6-only');
  });

  test('nothing there: not-yet', async () => {
    expect(await checkListening(await freePort('tcp'), 'tcp')).toBe('not-yet');
    expect(await checkListening(await freePort('udp'), 'udp')).toBe('not-yet');
  });

  test('a TCP client socket on that port is not a listener', async () => {
    const serverPort = await tcpListener('127.0.0.1');
    const client = net.connect({ port: serverPort, host: '127.0.0.1' });
    await new Promise((resolve) => client.once('connect', resolve));
    try {
      expect(await checkListening(client.localPort!, 'tcp')).toBe('not-yet');
    } finally {
      client.destroy();
    }
  });

  test('UDP bound on 127.0.0.1 or 0.0.0.0: ready; on ::1 only: ipv6-only', async () => {
    expect(await checkListening(await udpSocket('udp4', '127.0.0.1'), 'udp')).toBe('ready');
    expect(await checkListening(await udpSocket('udp4', '0.0.0.0'), 'udp')).toBe('ready');
    expect(await checkListening(await udpSocket('udp6', '::1'), 'udp')).toBe('ipv6-only');
  });

  test('a TCP listener does not make the UDP port ready, nor the other way round', async () => {
    expect(await checkListening(await tcpListener('127.0.0.1'), 'udp')).toBe('not-yet');
    expect(await checkListening(await udpSocket('udp4', '127.0.0.1'), 'tcp')).toBe('not-yet');
  });
});

describe.runIf(process.platform === 'linux')('portsOwnedBy', () => {
  test('names the ports a process listens on (TCP) or is bound to (UDP)', async () => {
    const tcp = await tcpListener('127.0.0.1');
    const udp = await udpSocket('udp4', '127.0.0.1');
    expect(await portsOwnedBy([process.pid], 'tcp')).toContain(tcp);
    expect(await portsOwnedBy([process.pid], 'udp')).toContain(udp);
    expect(await portsOwnedBy([process.pid], 'tcp')).not.toContain(udp);
  });

  test('a process that does not exist owns nothing', async () => {
    expect(await portsOwnedBy([2 ** 22 + 12345], 'tcp')).toEqual([]);
  });
});

describe.runIf(process.platform === 'linux')('holdsSocket', () => {
  /** A node child with piped standard streams (socket pairs, as a program gets them) that runs `code`. */
  async function child(code: string) {
    const started = spawn(process.execPath, ['-e', code], { stdio: 'pipe' });
    closers.push(async () => { started.kill('SIGKILL'); });
    await new Promise((resolve) => started.stdout.once('data', resolve));
    return started.pid!;
  }

  test('a program with only its standard streams holds none; one with a server socket holds one', async () => {
    const quiet = await child("console.log('up'); setTimeout(() => {}, 60000)");
    const listening = await child("require('net').createServer().listen(0, '127.0.0.1', () => console.log('up')); setTimeout(() => {}, 60000)");
    expect(holdsSocket([quiet])).toBe(false);
    expect(holdsSocket([listening])).toBe(true);
    expect(holdsSocket([quiet, listening])).toBe(true);
  });

  test('what cannot be read may hold one: a process that does not exist, or none at all', () => {
    expect(holdsSocket([2 ** 22 + 12345])).toBe(true);
    expect(holdsSocket([])).toBe(true);
  });
});
