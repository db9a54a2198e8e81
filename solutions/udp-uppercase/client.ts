// UDP uppercase client (Kurose & Ross 2.7.1): sends one line of stdin as a datagram and prints the reply.
//
//   echo hello | node client.js --host 127.0.0.1 --port 12000 [--timeout 1000]
//
// UDP may lose a datagram and nothing tells the sender, so the client waits for the reply only so long.
import dgram from 'node:dgram';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: { host: { type: 'string' }, port: { type: 'string' }, timeout: { type: 'string', default: '1000' } },
  strict: false,
});
const host = String(values.host ?? '127.0.0.1');
const port = Number(values.port);
const timeoutMs = Number(values.timeout);
if (!Number.isInteger(port) || !(timeoutMs > 0)) {
  console.error('usage: client --host H --port N [--timeout MS]');
  process.exit(2);
}

// The first line of stdin, without its line ending ("\n" or "\r\n"); readline strips either.
let line = '';
for await (const first of readline.createInterface({ input: process.stdin })) {
  line = first;
  break;
}

const socket = dgram.createSocket('udp4');
const timer = setTimeout(() => {
  console.error(`client: no reply from ${host}:${port} within ${timeoutMs} ms`);
  socket.close();
  process.exitCode = 1;
}, timeoutMs);

socket.on('message', (reply) => {
  clearTimeout(timer);
  process.stdout.write(`${reply.toString('utf8')}\n`);
  socket.close();
});

socket.send(Buffer.from(line, 'utf8'), port, host);
