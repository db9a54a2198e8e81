// Tells when a server is ready without asking it to print anything: the kernel's socket tables say who listens.
import { readdirSync, readlinkSync } from 'node:fs';
import { readFile, readdir, readlink } from 'node:fs/promises';
import net from 'node:net';

export type Transport = 'tcp' | 'udp';

/** A bound address read from /proc/net: the IP in hex as the kernel prints it, and the port. */
interface Bound { ip: string; port: number; inode: string }

const TCP_LISTEN = '0A';

const TABLES: Record<Transport, [string, string]> = { tcp: ['/proc/net/tcp', '/proc/net/tcp6'], udp: ['/proc/net/udp', '/proc/net/udp6'] };

/** The bound (UDP) or listening (TCP) sockets of one /proc/net table; none when it cannot be read. */
async function boundIn(file: string, transport: Transport): Promise<Bound[]> {
  let text = '';
  try { text = await readFile(file, 'utf8'); } catch { return []; }
  const found: Bound[] = [];
  for (const line of text.split('\n').slice(1)) {
    const fields = line.trim().split(/\s+/);
    if (fields.length < 4) continue;
    if (transport === 'tcp' && fields[3] !== TCP_LISTEN) continue;
    const [ip, port] = fields[1].split(':');
    found.push({ ip, port: parseInt(port, 16), inode: fields[9] });
  }
  return found;
}

async function boundSockets(transport: Transport): Promise<Bound[]> {
  return (await Promise.all(TABLES[transport].map((file) => boundIn(file, transport)))).flat();
}

// 127.0.0.1, 0.0.0.0, ::, ::ffff:127.0.0.1 as /proc/net prints them: all of them accept a connection to 127.0.0.1.
const REACHES_LOOPBACK_V4 = new Set([
  '0100007F', '00000000',
  '00000000000000000000000000000000',
  '0000000000000000FFFF00000100007F',
]);
const IPV6_LOOPBACK = '00000000000000000000000001000000';

export type Readiness = 'ready' | 'ipv6-only' | 'not-yet';

/** Whether something listens on `port` at an address that 127.0.0.1 reaches. */
export async function checkListening(port: number, transport: Transport): Promise<Readiness> {
  if (process.platform !== 'linux') return (await connectProbe(port, transport)) ? 'ready' : 'not-yet';
  // Each table read walks the kernel's whole table (for TCP 5–13 ms of CPU, however few the sockets): the IPv4 one
  // first, which finds a server on 127.0.0.1 without the second walk.
  const [v4, v6] = TABLES[transport];
  const on = async (file: string) => (await boundIn(file, transport)).filter((socket) => socket.port === port);
  if ((await on(v4)).some((socket) => REACHES_LOOPBACK_V4.has(socket.ip))) return 'ready';
  const mine = await on(v6);
  if (mine.some((socket) => REACHES_LOOPBACK_V4.has(socket.ip))) return 'ready';
  if (mine.some((socket) => socket.ip === IPV6_LOOPBACK)) return 'ipv6-only';
  return 'not-yet';
}

/**
 * Whether a process of `pids` holds a socket besides its standard streams (Node gives a program socket pairs as
 * pipes): false only when every file descriptor table was read and none does, so that a server that cannot be
 * listening yet is told apart without reading /proc/net, from a few readlinks (Linux).
 */
export function holdsSocket(pids: number[]): boolean {
  if (pids.length === 0) return true;
  for (const pid of pids) {
    let fds: string[];
    try { fds = readdirSync(`/proc/${pid}/fd`); } catch { return true; }
    for (const fd of fds) {
      if (Number(fd) <= 2) continue;
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`).startsWith('socket:')) return true;
      } catch (error) {
        // Closed meanwhile; anything else (EACCES where the grader lacks ptrace rights) leaves it unknown.
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') return true;
      }
    }
  }
  return false;
}

/** Outside Linux: a TCP connect (UDP cannot be probed without sending, so it is assumed ready). */
function connectProbe(port: number, transport: Transport): Promise<boolean> {
  if (transport === 'udp') return Promise.resolve(true);
  return new Promise((resolve) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => resolve(false));
  });
}

async function socketInodes(pid: number): Promise<Set<string>> {
  const inodes = new Set<string>();
  let fds: string[] = [];
  try { fds = await readdir(`/proc/${pid}/fd`); } catch { return inodes; }
  for (const fd of fds) {
    try {
      const match = /^socket:\[(\d+)\]$/.exec(await readlink(`/proc/${pid}/fd/${fd}`));
      if (match) inodes.add(match[1]);
    } catch { /* closed meanwhile */ }
  }
  return inodes;
}

/** The ports the given processes listen on (TCP) or are bound to (UDP): tells a student which port they chose. */
export async function portsOwnedBy(pids: number[], transport: Transport): Promise<number[]> {
  if (process.platform !== 'linux') return [];
  const inodes = new Set<string>();
  for (const pid of pids) for (const inode of await socketInodes(pid)) inodes.add(inode);
  const ports = (await boundSockets(transport)).filter((socket) => inodes.has(socket.inode)).map((socket) => socket.port);
  return [...new Set(ports)];
}
