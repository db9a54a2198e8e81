// Free loopback ports for programs under test, chosen outside the range the kernel hands out to outgoing connections.
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import getPort from 'get-port';

// Linux gives outgoing connections ports from 32768 up; picking below that means a client socket opened by the
// grader can never take the port a student's server is about to bind.
const LOW = 20000;
const HIGH = 32767;

function randomCandidates(count: number): number[] {
  return Array.from({ length: count }, () => LOW + Math.floor(Math.random() * (HIGH - LOW)));
}

/**
 * Local TCP ports the kernel still holds in any state, TIME_WAIT included (Linux; empty elsewhere). Node and get-port
 * can listen on a port whose old connections linger in TIME_WAIT, but a server that binds without SO_REUSEADDR
 * (Python's socket module by default, as in the textbook) gets "Address already in use": such ports are skipped.
 */
export function tcpPortsHeld(): Set<number> {
  const ports = new Set<number>();
  for (const file of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try { text = readFileSync(file, 'utf8'); } catch { continue; }
    for (const line of text.split('\n').slice(1)) {
      const local = line.trim().split(/\s+/)[1];
      if (local?.includes(':')) ports.add(parseInt(local.split(':')[1], 16));
    }
  }
  return ports;
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => { socket.close(); resolve(false); });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

/** A port free for TCP (and for UDP when asked) on this machine. */
export async function freePort(transport: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const held = tcpPortsHeld();
    const port = await getPort({ port: randomCandidates(20).filter((candidate) => !held.has(candidate)) });
    if (port < LOW || port > HIGH) continue; // get-port fell back to a kernel-chosen port
    if (transport === 'tcp' || (await udpPortFree(port))) return port;
  }
  return getPort();
}
