// TCP uppercase client (Kurose & Ross 2.7.2): sends each line of stdin to the server and prints each answer.
//
//   printf 'hello\nworld\n' | node client.js --host 127.0.0.1 --port 12000
//
// Sending and receiving run side by side: lines go out as stdin gives them, answers are printed as they come.
// When stdin ends, the client ends its side of the connection; the server answers what is left and closes its
// side, and with nothing left to wait for, the program ends.
import net from 'node:net';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' } }, strict: false });
const host = String(values.host ?? '127.0.0.1');
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: client --host H --port N');
  process.exit(2);
}

const socket = net.connect({ host, port });

// Refused, reset, unreachable: say what happened and stop, even if stdin is still open.
socket.on('error', (error) => {
  console.error(`client: ${host}:${port}: ${error.message}`);
  process.exit(1);
});

// Answers may arrive in pieces, or several at once; readline puts whole lines back together (UTF-8 included).
readline.createInterface({ input: socket }).on('line', (answer) => console.log(answer));

for await (const line of readline.createInterface({ input: process.stdin })) {
  socket.write(`${line}\n`);
}
socket.end();
