// UDP uppercase server (Kurose & Ross 2.7.1): every datagram is answered with its uppercase.
//
//   node server.js --port 12000
//
// UDP has no connections: one socket receives datagrams from every client, and each datagram carries the
// sender's address and port, which is where the reply goes.
import dgram from 'node:dgram';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: false });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: server --port N');
  process.exit(2);
}

const socket = dgram.createSocket('udp4');

socket.on('message', (message, sender) => {
  // Decode the bytes as UTF-8 before uppercasing: "straße" becomes "STRASSE", which is longer.
  const reply = Buffer.from(message.toString('utf8').toUpperCase(), 'utf8');
  socket.send(reply, sender.port, sender.address);
});

// A send to a client that has gone away reports an error; it must not stop the server.
socket.on('error', (error) => console.error(`server: ${error.message}`));

socket.bind(port, '127.0.0.1', () => console.error(`server: listening on 127.0.0.1:${port} (UDP)`));
