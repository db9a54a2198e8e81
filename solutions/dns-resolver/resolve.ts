// A DNS stub resolver (Kurose & Ross 2.4; RFC 1035, 3596, 5452, 7766): asks one question and prints the answer.
//
//   node resolve.js --server 127.0.0.1 --port 5300 [--type A|AAAA|CNAME|MX|NS|TXT] [--timeout 1000] example.com
//
// It asks over UDP, three times at most; it takes only the reply that matches its question (RFC 5452 §9.1: from the
// server's address and port, with the query's ID and question), and asks again over TCP when the reply was cut (TC).
import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { BadMessage, BadName, encodeQuery, rcodeName, readAnswers, readHeader, readQuestion, TYPES, type TypeName } from './dns-message.ts';

const ATTEMPTS = 3;

class UsageError extends Error {}

function options() {
  const { values, positionals } = parseArgs({
    options: { server: { type: 'string' }, port: { type: 'string' }, type: { type: 'string', default: 'A' }, timeout: { type: 'string', default: '1000' } },
    allowPositionals: true,
    strict: false,
  });
  const type = String(values.type).toUpperCase();
  const port = Number(values.port);
  const timeoutMs = Number(values.timeout);
  if (!values.server || !Number.isInteger(port) || !(timeoutMs > 0) || positionals.length !== 1 || !(type in TYPES)) {
    throw new UsageError('usage: resolve --server ADDR --port N [--type A|AAAA|CNAME|MX|NS|TXT] [--timeout MS] NAME');
  }
  return { server: String(values.server), port, type: type as TypeName, timeoutMs, name: positionals[0] };
}

/** Names are compared without regard to ASCII case (RFC 1035 §2.3.3), and "a.b." is "a.b". */
const sameName = (a: string, b: string) => a.replace(/\.$/, '').toLowerCase() === b.replace(/\.$/, '').toLowerCase();

/** Whether a message is the reply to our query: our ID, QR set, and our question. Anything else is ignored. */
function isOurReply(message: Buffer, id: number, name: string, type: TypeName): boolean {
  if (message.length < 12) return false;
  const header = readHeader(message);
  if (header.id !== id || !header.qr || header.qdcount !== 1) return false;
  const { question } = readQuestion(message);
  return sameName(question.name, name) && question.type === TYPES[type] && question.class === 1;
}

/** Sends the query over UDP up to three times, `timeoutMs` apart; resolves with the first reply that is ours. */
function askOverUdp(query: Buffer, server: string, port: number, timeoutMs: number, accept: (m: Buffer) => boolean): Promise<Buffer> {
  const socket = dgram.createSocket(net.isIPv6(server) ? 'udp6' : 'udp4'); // bound by the OS to a port it picks
  return new Promise((resolve, reject) => {
    let attempts = 0;
    let timer: NodeJS.Timeout | undefined;
    const finish = (settle: () => void) => { clearTimeout(timer); socket.close(); settle(); };
    const attempt = () => {
      if (attempts === ATTEMPTS) return finish(() => reject(new Error(`no reply from ${server}:${port} after ${ATTEMPTS} attempts, ${timeoutMs} ms each`)));
      attempts += 1;
      socket.send(query, port, server);
      timer = setTimeout(attempt, timeoutMs);
    };
    socket.on('message', (message, from) => {
      if (from.address !== server || from.port !== port) return; // not from the server we asked: forged or stray
      try {
        if (accept(message)) finish(() => resolve(message));
      } catch (error) {
        finish(() => reject(error));
      }
    });
    socket.on('error', (error) => finish(() => reject(error)));
    attempt();
  });
}

/** Asks over TCP (RFC 7766 §8, RFC 1035 §4.2.2): each message is sent after its length as two bytes. */
function askOverTcp(query: Buffer, server: string, port: number, timeoutMs: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, server);
    const prefix = Buffer.alloc(2);
    prefix.writeUInt16BE(query.length);
    let received = Buffer.alloc(0);
    socket.setTimeout(timeoutMs, () => socket.destroy(new Error(`no reply over TCP from ${server}:${port} within ${timeoutMs} ms`)));
    socket.on('connect', () => socket.write(Buffer.concat([prefix, query])));
    socket.on('data', (chunk) => { // the reply may come in any number of pieces: keep them until it is whole
      received = Buffer.concat([received, chunk]);
      if (received.length >= 2 && received.length >= 2 + received.readUInt16BE(0)) {
        socket.destroy();
        resolve(received.subarray(2, 2 + received.readUInt16BE(0)));
      }
    });
    socket.on('error', reject);
    socket.on('close', () => reject(new Error(`the server closed the TCP connection after ${received.length} bytes, before the whole reply`)));
  });
}

async function main(): Promise<void> {
  const { server, port, type, timeoutMs, name } = options();
  const id = randomInt(0, 0x10000); // unpredictable, so that an off-path attacker cannot guess it (RFC 5452 §4.3)
  const query = encodeQuery(id, name, type);
  const accept = (message: Buffer) => isOurReply(message, id, name, type);
  let reply = await askOverUdp(query, server, port, timeoutMs, accept);
  if (readHeader(reply).tc) { // truncated: the whole reply did not fit in a datagram, so ask again over TCP
    reply = await askOverTcp(query, server, port, timeoutMs);
    if (!accept(reply)) throw new BadMessage('the reply over TCP does not match the query (ID or question)');
  }
  const header = readHeader(reply);
  const { question, end } = readQuestion(reply);
  const result = {
    question: { name: question.name, type },
    rcode: rcodeName(header.rcode),
    authoritative: header.aa,
    answers: readAnswers(reply, end, header.ancount),
  };
  console.log(JSON.stringify(result));
}

main().catch((error: Error) => {
  console.error(`resolve: ${error.message}`);
  process.exitCode = error instanceof UsageError || error instanceof BadName ? 2 : 1;
});
