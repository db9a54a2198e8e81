// HTTP/1.1 static-file server: your task. Read README.md first (textbook section 2.2; RFC 9110, RFC 9112).
//
//   npx socklab run http-server server        starts it on a free port, serving a sample site, with a curl line to try
//   npx socklab test http-server              grades it
//
// The work is split in four files, each with its own TODOs:
//   server.ts        (this file) the listener and one state machine per connection: bytes in, answers out
//   request-head.ts  reading a request head: request line, header fields, Host, Content-Length
//   static-files.ts  finding the file a path names, never outside --root; Content-Type by extension
//   http-date.ts     writing IMF-fixdate, reading the three HTTP-date formats
import net from 'node:net';
import { parseArgs } from 'node:util';
import { formatHttpDate, parseHttpDate } from './http-date.ts';
import { findHeadEnd, keepsAlive, parseRequestHead } from './request-head.ts';
import { contentTypeOf, lookUp } from './static-files.ts';

// The grader starts this program with `--port N --root DIR`; it must listen on 127.0.0.1, port N, and serve DIR.
const { values } = parseArgs({ options: { port: { type: 'string' }, root: { type: 'string' } }, strict: false });
const port = Number(values.port);
const root = String(values.root);

// TODO 1: turn --root into its real path once (fs/promises realpath), so every file found can be checked against it.
// TODO 2: create the server with net.createServer({ allowHalfOpen: true }, onConnection) and listen on
//         `port`, '127.0.0.1'. allowHalfOpen lets you answer a client that has already sent its FIN.
// TODO 3: for each connection, keep a Buffer of the bytes received so far. On every 'data' event, append, then
//         take complete requests off its front, one at a time:
//           - findHeadEnd(buffer) tells where the head ends; until it does, wait for more bytes (answer nothing);
//           - more than 64 KiB without the end of a head: answer 431 (or 400), then close;
//           - parseRequestHead(…) checks the head; a 400/505 answer is followed by closing the connection;
//           - skip the body's Content-Length bytes (they may arrive later), then answer.
// TODO 4: answer one request at a time, in order: GET and HEAD only (others: 405 with "Allow: GET, HEAD"); find the
//         file with lookUp(root, target); 301 with Location for a folder without its slash; 304 when
//         If-Modified-Since (parseHttpDate) is not earlier than the file's mtime in whole seconds; else 200 with
//         Date, Content-Type (contentTypeOf), Content-Length (in bytes) and Last-Modified (formatHttpDate), and the
//         file's bytes, except for HEAD. Every line ends with "\r\n"; an empty line ends the head.
// TODO 5: after each answer, keep the connection open if keepsAlive(request), else socket.end(). When the client
//         has ended its side ('end') and everything is answered, end yours too.
// TODO 6: socket.on('error', …): log it. A client that resets must never stop the server.
void [net, formatHttpDate, parseHttpDate, findHeadEnd, keepsAlive, parseRequestHead, contentTypeOf, lookUp, root];

// Delete these two lines when you start:
console.error(`http-server: not written yet (it should serve ${root} on http://127.0.0.1:${port}/); see README.md`);
process.exit(1);
