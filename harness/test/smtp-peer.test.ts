// The grader's scripted mail server: it speaks SMTP as real clients expect (nodemailer delivers through it), follows
// its script (multi-line replies, refusals, 421), and notices bytes sent before their turn.
import net from 'node:net';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort } from '../ports.ts';
import { multiline, smtpPlan, type SmtpRecord, type SmtpScript } from '../smtp/index.ts';
import { Transcript } from '../transcript.ts';
import { TcpServerPeer } from '../transport/index.ts';

const cleanups: Array<() => void> = [];
afterEach(() => { for (const work of cleanups.splice(0).reverse()) work(); });

/** The grader's mail server with `script`, on a free port; `settled()` waits until its sessions have ended. */
async function peer(script: SmtpScript = {}): Promise<{ port: number; sessions: SmtpRecord[]; settled: () => Promise<void> }> {
  const plan = smtpPlan('test server', script);
  const started = await TcpServerPeer.start(await freePort('tcp'), new Transcript(), plan.tcp!);
  cleanups.push(() => started.close());
  return { port: started.port, sessions: plan.sessions, settled: () => started.settled(5000) };
}

/**
 * A polite client: waits for each whole reply (its last line "NNN "), then sends the next item; returns the replies'
 * codes. An item sent before any reply is read (`early`) goes out at once, on connect.
 */
function converse(port: number, items: string[], early = ''): Promise<number[]> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const codes: number[] = [];
    let pending = '';
    if (early) socket.write(early);
    socket.on('data', (chunk: Buffer) => {
      pending += chunk.toString('latin1');
      for (let end = pending.indexOf('\r\n'); end >= 0; end = pending.indexOf('\r\n')) {
        const line = pending.slice(0, end);
        pending = pending.slice(end + 2);
        if (line[3] === '-') continue;
        codes.push(Number(line.slice(0, 3)));
        const next = items.shift();
        if (next !== undefined) socket.write(next);
      }
    });
    socket.on('close', () => resolve(codes));
    socket.on('error', () => { /* 'close' follows */ });
  });
}

const dialogue = ['EHLO me\r\n', 'MAIL FROM:<a@b.example>\r\n', 'RCPT TO:<c@d.example>\r\n', 'DATA\r\n', 'Subject: hi\r\n\r\n..dot\r\n.\r\n', 'QUIT\r\n'];

describe('the grader\'s SMTP peer (smtpPlan over the transport\'s TCP peer)', () => {
  test('a whole dialogue: envelope, unstuffed message, QUIT; nothing early or malformed', async () => {
    const server = await peer();
    expect(await converse(server.port, [...dialogue])).toEqual([220, 250, 250, 250, 354, 250, 221]);
    await server.settled();
    const [session] = server.sessions;
    expect(session).toMatchObject({ helo: 'me', mailFrom: 'a@b.example', accepted: ['c@d.example'], quit: true, malformed: [] });
    expect(session.early).toBeUndefined();
    expect(session.messages[0].message.toString()).toBe('Subject: hi\r\n\r\n.dot\r\n');
  });

  test('nodemailer, a real client, delivers through it', async () => {
    const server = await peer({ replies: { ehlo: multiline(250, ['mx.grader.test', 'PIPELINING', '8BITMIME']) } });
    const transport = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false, ignoreTLS: true });
    const info = await transport.sendMail({ from: 'a@b.example', to: ['c@d.example', 'e@f.example'], subject: 'Grüße', text: 'hello\n.\nbye\n' });
    transport.close();
    await server.settled();
    expect(info.accepted).toEqual(['c@d.example', 'e@f.example']);
    expect(server.sessions[0].messages[0].message.toString()).toContain('hello\r\n.\r\nbye');
  });

  test('a command sent before the greeting is over is noticed', async () => {
    const server = await peer({ replies: { greeting: multiline(220, ['mx.grader.test', 'welcome']) }, lineGapMs: 150 });
    await converse(server.port, ['QUIT\r\n'], 'EHLO eager\r\n');
    await server.settled();
    expect(server.sessions[0].early).toMatchObject({ before: 'the greeting' });
    expect(server.sessions[0].early?.bytes.toString()).toBe('EHLO eager\r\n');
  });

  test('pipelined commands are noticed with the reply they did not wait for', async () => {
    const server = await peer();
    await converse(server.port, ['EHLO me\r\n', 'MAIL FROM:<a@b.example>\r\nRCPT TO:<c@d.example>\r\n', 'QUIT\r\n', '']);
    await server.settled();
    expect(server.sessions[0].early).toMatchObject({ before: 'the reply to MAIL FROM:<a@b.example>' });
    expect(server.sessions[0].accepted).toEqual(['c@d.example']);
  });

  test('rejects recipients as scripted, and refuses DATA when nobody was accepted', async () => {
    const server = await peer({ rcpt: (_, index) => [index === 0 ? '550 5.1.1 no such user' : '451 4.3.0 try later'] });
    const codes = await converse(server.port, ['HELO me\r\n', 'MAIL FROM:<a@b>\r\n', 'RCPT TO:<x@y>\r\n', 'RCPT TO:<z@y>\r\n', 'DATA\r\n', 'QUIT\r\n']);
    await server.settled();
    expect(codes).toEqual([220, 250, 250, 550, 451, 554, 221]);
    expect(server.sessions[0]).toMatchObject({ rejected: ['x@y', 'z@y'], accepted: [], dataWithoutRecipients: true });
  });

  test('421 and close at the scripted step', async () => {
    const server = await peer({ closeAt: { step: 'mail' } });
    expect(await converse(server.port, ['EHLO me\r\n', 'MAIL FROM:<a@b>\r\n', 'RCPT TO:<c@d>\r\n'])).toEqual([220, 250, 421]);
    await server.settled();
    expect(server.sessions[0].commands.map((c) => c.verb)).toEqual(['EHLO', 'MAIL']);
  });

  test('lowercase verbs and a space after the colon are understood (RFC 5321 §2.4 allows the first)', async () => {
    const server = await peer();
    const codes = await converse(server.port, ['ehlo me\r\n', 'mail from: <a@b>\r\n', 'rcpt to:<c@d>\r\n', 'quit\r\n']);
    expect(codes).toEqual([220, 250, 250, 250, 221]);
    expect(server.sessions[0]).toMatchObject({ mailFrom: 'a@b', accepted: ['c@d'], quit: true });
  });
});
