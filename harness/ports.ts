// Free loopback ports for programs under test, chosen outside the range the kernel hands out to outgoing connections.
import dgram from 'node:dgram';
import { readFileSync } from 'node:fs';
import net from 'node:net';
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

// Reading /proc/net/tcp costs the kernel a walk of its whole connection table (about 13 ms of CPU here, whatever the
// number of sockets), and cases side by side each choose ports: one reading serves the choices of the next second.
// A port that a case left in TIME_WAIT within that second is still claimed (below), so it cannot be chosen anyway.
const HELD_FRESH_MS = 1000;
let heldRead: { at: number; ports: Set<number> } | undefined;

function recentTcpPortsHeld(): Set<number> {
  if (!heldRead || performance.now() - heldRead.at > HELD_FRESH_MS) heldRead = { at: performance.now(), ports: tcpPortsHeld() };
  return heldRead.ports;
}

function udpPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = dgram.createSocket('udp4');
    socket.once('error', () => { socket.close(); resolve(false); });
    socket.bind(port, '127.0.0.1', () => socket.close(() => resolve(true)));
  });
}

// A port is free between the moment it is chosen and the moment the program it is for binds it (a second or two
// under load). Cases run in several processes at once, and several graders may run on one machine: each chosen port
// is claimed machine-wide for a while by binding an abstract Unix socket named after it (Linux; gone with the
// process, no file left behind), so that no other grader chooses it in that window.
const CLAIM_MS = 60_000;

function claim(port: number): Promise<boolean> {
  if (process.platform !== 'linux') return Promise.resolve(true);
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen(`\0socklab-port-${port}`, () => {
      server.unref();
      setTimeout(() => server.close(), CLAIM_MS).unref();
      resolve(true);
    });
  });
}

/** A port free for TCP (and for UDP when asked) on this machine, and claimed so that no other grader takes it. */
export async function freePort(transport: 'tcp' | 'udp' = 'tcp'): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const held = recentTcpPortsHeld();
    const candidates = randomCandidates(20).filter((candidate) => !held.has(candidate));
    const port = await getPort({ port: candidates });
    if (port < LOW || port > HIGH) continue; // get-port fell back to a kernel-chosen port
    if (transport === 'udp' && !(await udpPortFree(port))) continue;
    if (await claim(port)) return port;
  }
  return getPort();
}
