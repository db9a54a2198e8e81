// DNS stub resolver: your task. Read README.md first (textbook section 2.4).
//
//   npx socklab serve dns-resolver                                     a DNS server with a sample zone, to ask
//   npx socklab run dns-resolver resolve --port N -- --type MX example.com   your resolver against it
//   npx socklab test dns-resolver                                      grades it
import { randomInt } from 'node:crypto';
import dgram from 'node:dgram';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { encodeQuery, readAnswers, readName, TYPES } from './dns-message.ts';

// The grader starts this program with `--server ADDR --port N`, maybe `--type T` and `--timeout MS`, then the name.
const { values, positionals } = parseArgs({
  options: { server: { type: 'string' }, port: { type: 'string' }, type: { type: 'string', default: 'A' }, timeout: { type: 'string', default: '1000' } },
  allowPositionals: true,
  strict: false,
});
const server = String(values.server ?? '127.0.0.1');
const port = Number(values.port);
const type = String(values.type).toUpperCase();
const timeoutMs = Number(values.timeout);
const name = positionals[0];

// TODO 1: write encodeQuery, readName and readAnswers in dns-message.ts.
// TODO 2: pick a random ID (randomInt(0, 65536) from node:crypto) and build the query; a BadName error means exit 2.
// TODO 3: send it over UDP (dgram.createSocket('udp4')) to server:port. Take only the reply that comes from
//         server:port, carries your ID, has QR set and asks your question; ignore every other datagram.
// TODO 4: with no reply after timeoutMs, send the same query again: three attempts in all, then stderr and exit 1.
// TODO 5: if the reply has TC set, ask again over TCP (net.connect): the query after its length as two bytes; read
//         the reply's two-byte length, then keep reading until you have that many bytes (they come in pieces).
// TODO 6: print one line of JSON: {"question":{"name","type"},"rcode","authoritative","answers":[…]}, exit 0.
//         A reply you cannot read (BadMessage) is stderr and exit 1.
void randomInt; void dgram; void net; void encodeQuery; void readAnswers; void readName; void TYPES;

// Delete these two lines when you start:
console.error(`resolve: not written yet (it should ask ${server}:${port} for ${name} ${type}, timeout ${timeoutMs} ms); see README.md`);
process.exit(1);
