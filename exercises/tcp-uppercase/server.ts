// TCP uppercase server: your task. Read README.md first (textbook section 2.7.2).
//
//   npx socklab run tcp-uppercase server        starts it on a free port so you can try it with nc
//   npx socklab test tcp-uppercase              grades it
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';

// The grader starts this program with `--port N`; it must listen on 127.0.0.1, port N.
const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: false });
const port = Number(values.port);

// TODO 1: create a server with net.createServer({ allowHalfOpen: true }, (socket) => { … }). The function runs once
//         for every client that connects, with that client's own socket: keep each client's state inside it.
// TODO 2: TCP carries bytes, not lines: one 'data' chunk may hold part of a line, or several lines. Keep a string
//         `pending` per client. On each 'data' chunk, add the chunk decoded with a StringDecoder('utf8') (it keeps
//         the first bytes of a character split across two chunks until the rest arrives), then answer every
//         complete line with its uppercase followed by "\n", and keep the text after the last "\n" for later.
// TODO 3: on the socket's 'end' event the client will send no more: if `pending` is not empty, answer it too
//         (followed by "\n"), then close your side with socket.end().
// TODO 4: listen for the socket's 'error' event and log it to stderr: a client that resets its connection must
//         not stop the server.
// TODO 5: server.listen(port, '127.0.0.1'). Then the server runs until it is stopped.
void net;
void StringDecoder;

// Delete these two lines when you start:
console.error(`tcp-uppercase server: not written yet (it should listen on TCP port ${port}); see README.md`);
process.exit(1);
