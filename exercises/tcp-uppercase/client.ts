// TCP uppercase client: your task. Read README.md first (textbook section 2.7.2).
//
//   printf 'hello\nworld\n' | npx socklab run tcp-uppercase client --port N     talks to a server on port N
//   npx socklab test tcp-uppercase                                             grades it
import net from 'node:net';
import readline from 'node:readline';
import { parseArgs } from 'node:util';

// The grader starts this program with `--host H --port N`.
const { values } = parseArgs({ options: { host: { type: 'string' }, port: { type: 'string' } }, strict: false });
const host = String(values.host ?? '127.0.0.1');
const port = Number(values.port);

// TODO 1: connect with net.connect({ host, port }). Listen for the socket's 'error' event (connection refused,
//         reset): print a message to stderr and exit with code 1 (process.exit(1)).
// TODO 2: print each answer line as it arrives. Answers may come in pieces or several at once: wrap the socket in
//         readline.createInterface({ input: socket }) and print each 'line' with console.log.
// TODO 3: send each line of stdin followed by "\n": `for await (const line of readline.createInterface({ input:
//         process.stdin }))`. Send as you read; do not wait for an answer before sending the next line.
// TODO 4: when stdin ends, end your side of the connection with socket.end(), and do NOT exit yet: answers may
//         still be on their way. The server closes its side after its last answer, and then the program ends.
void net;
void readline;

// Delete these two lines when you start:
console.error(`tcp-uppercase client: not written yet (it should talk to ${host}:${port}); see README.md`);
process.exit(1);
