// Ports for programs under test: free, on loopback, and below the range the kernel gives outgoing connections.
import dgram from 'node:dgram';
import net from 'node:net';
import { describe, expect, test } from 'vitest';
import { freePort, tcpPortsHeld } from '../ports.ts';

const canListen = (port: number) => new Promise<boolean>((resolve) => {
  const server = net.createServer();
  server.once('error', () => resolve(false));
  server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
});

const canBind = (port: number) => new Promise<boolean>((resolve) => {
  const socket = dgram.createSocket('udp4');
  socket.once('error', () => { socket.close(); resolve(false); });
  socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
});

describe('freePort', () => {
  test('TCP ports are in 20000–32767 and free to listen on', async () => {
    for (let i = 0; i < 20; i++) {
      const port = await freePort('tcp');
      expect(port).toBeGreaterThanOrEqual(20000);
      expect(port).toBeLessThanOrEqual(32767);
      expect(await canListen(port)).toBe(true);
    }
  });

  test('UDP ports are in the same range and free to bind', async () => {
    for (let i = 0; i < 20; i++) {
      const port = await freePort('udp');
      expect(port).toBeGreaterThanOrEqual(20000);
      expect(port).toBeLessThanOrEqual(32767);
      expect(await canBind(port)).toBe(true);
    }
  });

  test('spreads over the range, so parallel runs rarely try the same port', async () => {
    const ports = new Set<number>();
    for (let i = 0; i < 20; i++) ports.add(await freePort());
    expect(ports.size).toBeGreaterThan(15);
  });

  test('a chosen port is claimed machine-wide, so that a grader in another process does not choose it too, on Linux', async () => {
    if (process.platform !== 'linux') return;
    const port = await freePort();
    const code = await new Promise<string | undefined>((resolve) => {
      const other = net.createServer();
      other.once('error', (error: NodeJS.ErrnoException) => resolve(error.code));
      other.listen(`\0socklab-port-${port}`, () => other.close(() => resolve(undefined)));
    });
    expect(code).toBe('EADDRINUSE');
  });

  test('a port whose connection the server closed first (TIME_WAIT) counts as held, on Linux', async () => {
    if (process.platform !== 'linux') return;
    const port = await freePort();
    const server = net.createServer((socket) => socket.destroy()); // the server closes first: its port lingers
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', () => resolve()));
    const client = net.connect(port, '127.0.0.1');
    await new Promise((resolve) => client.once('close', resolve));
    await new Promise((resolve) => server.close(resolve));
    expect(tcpPortsHeld().has(port)).toBe(true);
  });
});
