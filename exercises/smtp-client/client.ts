// SMTP mail client: your task. Read README.md first (textbook section 2.3.1, RFC 5321, RFC 5322).
//
//   npx socklab serve smtp-client                                   a mail server that prints what it receives
//   printf 'Hi Bob\n' | npx socklab run smtp-client client --port N -- --from a@b.c --to d@e.f --subject Hi
//   npx socklab test smtp-client                                    grades it
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { ReplyReader } from './reply-reader.ts';

// The grader starts this program with `--host H --port N --from ADDR --to ADDR [--to ADDR …] --subject TEXT`.
const { values } = parseArgs({
  options: {
    host: { type: 'string' }, port: { type: 'string' }, from: { type: 'string' },
    to: { type: 'string', multiple: true }, subject: { type: 'string' }, helo: { type: 'string' },
  },
  strict: false,
});
const host = String(values.host ?? '127.0.0.1');
const port = Number(values.port);
const from = String(values.from ?? '');
const recipients = ((values.to ?? []) as Array<string | boolean>).map(String);
const subject = String(values.subject ?? '');
const helo = String(values.helo ?? 'localhost');

// TODO 1 (the message): read all of stdin (the body). Build the message: the headers From, To (every recipient,
//         comma-separated), Subject, Date (RFC 5322: "Sun, 29 Nov 2026 21:46:00 +0000"), Message-ID
//         (`<${randomUUID()}@domain>`), an empty line, then the body. Every line ends in "\r\n" (turn a bare "\n"
//         or "\r" into "\r\n"), a body that does not end with a line ending gets one, and a line that starts with
//         "." gets one more "." in front (dot-stuffing). A Subject that is not ASCII becomes
//         `=?UTF-8?B?<base64 of its UTF-8 bytes>?=` (RFC 2047).
// TODO 2 (connect): net.connect({ host, port }), and `const replies = new ReplyReader(socket)`. Finish the reply
//         reader in reply-reader.ts first: replies.next() gives the next whole reply, {code, text}.
// TODO 3 (greeting): send nothing until the server's greeting has arrived: its code must be 220.
// TODO 4 (hello): send `EHLO ${helo}\r\n` and read the whole reply (it may be several lines). If its code is 500,
//         502 or 504, the server is an old one: send `HELO ${helo}\r\n` instead. Any other code that is not 2xx:
//         send QUIT, print the reply to stderr, exit 1.
// TODO 5 (envelope): `MAIL FROM:<${from}>\r\n` (no space after the colon), then `RCPT TO:<address>\r\n` for each
//         recipient in order, reading each reply before the next command. A recipient refused (4xx, 5xx) is
//         printed to stderr and skipped; if nobody was accepted, send QUIT and exit 1 without DATA.
// TODO 6 (data): `DATA\r\n`, wait for 354, then the message and ".\r\n" (a "." alone on a line ends it). A 2xx to
//         that means the message was accepted.
// TODO 7 (goodbye): `QUIT\r\n`, wait for 221 (or the server's close), close the socket, exit 0. A 421 at any step,
//         or the connection closing early: print it on stderr, exit 1. Act on the reply's code, never its text.
void randomUUID;
void net;
void ReplyReader;

// Delete these two lines when you start:
console.error(`smtp-client: not written yet (it should send a message from ${from} to ${recipients.join(', ')} via ${host}:${port}, subject ${JSON.stringify(subject)}, helo ${helo}); see README.md`);
process.exit(1);
