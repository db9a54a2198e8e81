// UDP uppercase server: your task. Read README.md first (textbook section 2.7.1).
//
//   npx socklab run udp-uppercase server        starts it on a free port so you can try it with nc
//   npx socklab test udp-uppercase              grades it
import dgram from 'node:dgram';
import { parseArgs } from 'node:util';

// The grader starts this program with `--port N`; it must listen on 127.0.0.1, port N.
const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: false });
const port = Number(values.port);

// TODO 1: create a UDP socket with dgram.createSocket('udp4').
// TODO 2: on every 'message' event you get (message, sender): decode the message as UTF-8, uppercase it with
//         toUpperCase(), and send the result back to sender.port and sender.address with socket.send(…).
// TODO 3: listen for the socket's 'error' event and log it, so that one failed send cannot stop the server.
// TODO 4: bind the socket to `port` on '127.0.0.1'. Then the server runs until it is stopped.
void dgram;

// Delete these two lines when you start:
console.error(`udp-uppercase server: not written yet (it should listen on UDP port ${port}); see README.md`);
process.exit(1);
