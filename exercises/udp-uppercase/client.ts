// UDP uppercase client: your task. Read README.md first (textbook section 2.7.1).
//
//   echo hello | npx socklab run udp-uppercase client --port N     talks to a server on port N
//   npx socklab test udp-uppercase                                  grades it
import dgram from 'node:dgram';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

// The grader starts this program with `--host H --port N` and sometimes `--timeout MS`.
const { values } = parseArgs({
  options: { host: { type: 'string' }, port: { type: 'string' }, timeout: { type: 'string', default: '1000' } },
  strict: false,
});
const host = String(values.host ?? '127.0.0.1');
const port = Number(values.port);
const timeoutMs = Number(values.timeout);

// TODO 1: read the first line of stdin, without its line ending. readline.createInterface({ input: process.stdin })
//         gives you lines one at a time (`for await (const line of …)`, then `break` after the first).
// TODO 2: create a UDP socket and send the line, encoded as UTF-8, to host:port as one datagram.
// TODO 3: when the reply arrives, print it followed by a newline, close the socket, and let the program end (exit 0).
// TODO 4: if no reply arrives within timeoutMs, print a message to stderr, close the socket and exit with code 1.
void dgram;
void readline;

// Delete these two lines when you start:
console.error(`udp-uppercase client: not written yet (it should talk to ${host}:${port}, timeout ${timeoutMs} ms); see README.md`);
process.exit(1);
