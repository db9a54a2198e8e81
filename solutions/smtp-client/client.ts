// SMTP mail client (Kurose & Ross 2.3.1, RFC 5321, RFC 5322): sends the message on stdin to a mail server.
//
//   printf 'Hello Bob\n' | node client.js --host 127.0.0.1 --port 2525 --from alice@crepes.fr \
//       --to bob@hamburger.edu --subject 'Lunch?'
//
// The dialogue is a list of plain steps: send one command, read its whole reply, look at the reply's code.
// Exit 0 when the server accepted the message for at least one recipient; exit 1 for every other ending.
import { randomUUID } from 'node:crypto';
import net from 'node:net';
import { parseArgs } from 'node:util';
import { ReplyReader, type Reply } from './reply-reader.ts';

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
if (!Number.isInteger(port) || port <= 0 || port > 65535 || from === '' || recipients.length === 0) {
  console.error('usage: client --host H --port N --from ADDR --to ADDR [--to ADDR …] --subject TEXT [--helo NAME]');
  process.exit(2);
}

/** A Subject that is not ASCII becomes RFC 2047 encoded-words of at most 75 characters, folded onto lines. */
function encodeSubject(text: string): string {
  if (/^[\x20-\x7e]*$/.test(text)) return text;
  const words: string[] = [];
  let piece = '';
  for (const character of text) { // whole characters: a word must not end in the middle of one
    if (Buffer.byteLength(piece + character) > 45) { words.push(piece); piece = ''; }
    piece += character;
  }
  words.push(piece);
  return words.map((word) => `=?UTF-8?B?${Buffer.from(word).toString('base64')}?=`).join('\r\n ');
}

/** The message as it goes after DATA: headers, an empty line, the body; CRLF line endings; dot-stuffed. */
function buildMessage(body: string): string {
  const domain = from.includes('@') ? from.slice(from.lastIndexOf('@') + 1) : helo;
  const headers = [
    `From: ${from}`,
    `To: ${recipients.join(', ')}`,
    `Subject: ${encodeSubject(subject)}`,
    `Date: ${new Date().toUTCString().replace('GMT', '+0000')}`, // RFC 5322 §3.3: a numeric zone, not "GMT"
    `Message-ID: <${randomUUID()}@${domain}>`,
  ];
  let text = body.replace(/\r\n|\r|\n/g, '\r\n'); // every line ending becomes CRLF (RFC 5321 §2.3.8)
  if (text !== '' && !text.endsWith('\r\n')) text += '\r\n';
  const message = `${headers.join('\r\n')}\r\n\r\n${text}`;
  return message.replace(/^\./gm, '..'); // RFC 5321 §4.5.2: a line that starts with "." gets one more
}

/** Ends the program with a message on stderr: the server's reply, or what went wrong. */
class SmtpFailure extends Error {}

const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
const message = buildMessage(Buffer.concat(chunks).toString('utf8'));

const socket = net.connect({ host, port });
const replies = new ReplyReader(socket);

/** Sends one command and reads its whole reply; a 421 ends the session at once (RFC 5321 §3.8). */
async function command(line: string): Promise<Reply> {
  socket.write(`${line}\r\n`);
  return checked(await replies.next());
}

function checked(reply: Reply): Reply {
  if (reply.code === 421) throw new SmtpFailure(`the server is closing the session: ${reply.text}`);
  return reply;
}

/** A reply must be 2xx (or `want`); otherwise the client says goodbye and fails with the server's words. */
async function expect(reply: Reply, what: string, want = 2): Promise<void> {
  if (Math.floor(reply.code / 100) === want) return;
  await quit();
  throw new SmtpFailure(`${what} refused: ${reply.text}`);
}

/** QUIT, then wait for 221 or the server's close (RFC 5321 §4.1.1.10). */
async function quit(): Promise<void> {
  try { await command('QUIT'); } catch { /* the server may close without a 221 */ }
  socket.end();
}

async function dialogue(): Promise<void> {
  await expect(checked(await replies.next()), 'greeting'); // nothing is sent before the 220
  let hello = await command(`EHLO ${helo}`);
  if ([500, 502, 504].includes(hello.code)) hello = await command(`HELO ${helo}`); // an old server: RFC 5321 §4.1.1.1
  await expect(hello, 'EHLO and HELO');
  await expect(await command(`MAIL FROM:<${from}>`), 'MAIL FROM');
  let accepted = 0;
  for (const recipient of recipients) {
    const reply = await command(`RCPT TO:<${recipient}>`);
    if (Math.floor(reply.code / 100) === 2) accepted += 1;
    else console.error(`client: recipient ${recipient} rejected: ${reply.text}`);
  }
  if (accepted === 0) {
    await quit();
    throw new SmtpFailure('no recipient was accepted; the message was not sent');
  }
  await expect(await command('DATA'), 'DATA', 3);
  await expect(await command(`${message}.`), 'the message'); // "." alone on a line ends it
  await quit();
}

try {
  await dialogue();
  process.exit(0);
} catch (error) {
  console.error(`client: ${(error as Error).message}`);
  socket.destroy();
  process.exit(1);
}
