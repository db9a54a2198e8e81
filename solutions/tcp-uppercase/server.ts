// TCP uppercase server (Kurose & Ross 2.7.2): answers every line a client sends with its uppercase.
//
//   node server.js --port 12000
//
// Each client gets its own connection, and its own socket on the server. TCP carries a stream of bytes, not of
// lines: one read may hold part of a line, or several lines, so every connection keeps what it has not answered yet.
import net from 'node:net';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';

const { values } = parseArgs({ options: { port: { type: 'string' } }, strict: false });
const port = Number(values.port);
if (!Number.isInteger(port) || port <= 0 || port > 65535) {
  console.error('usage: server --port N');
  process.exit(2);
}

// allowHalfOpen: when the client ends its side, ours stays open until every answer is sent.
const server = net.createServer({ allowHalfOpen: true }, (socket) => {
  // A character may be split across two reads: the decoder keeps its first bytes until the rest arrives.
  const decoder = new StringDecoder('utf8');
  let pending = '';

  socket.on('data', (chunk: Buffer) => {
    pending += decoder.write(chunk);
    const lines = pending.split('\n');
    pending = lines.pop() ?? ''; // the text after the last newline is not a whole line yet
    for (const line of lines) socket.write(`${line.toUpperCase()}\n`);
  });

  // The client will send no more: answer a last line that had no newline, then close our side.
  socket.on('end', () => {
    pending += decoder.end();
    if (pending !== '') socket.write(`${pending.toUpperCase()}\n`);
    socket.end();
  });

  // A client that resets its connection reports an error here; without a listener it would stop the server.
  socket.on('error', (error) => console.error(`server: ${error.message}`));
});

server.listen(port, '127.0.0.1', () => console.error(`server: listening on 127.0.0.1:${port} (TCP)`));
