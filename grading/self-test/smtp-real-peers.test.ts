// The smtp-client exercise against real SMTP software, both ways: the reference client delivers to real mail servers
// (the npm smtp-server, Debian's aiosmtpd) and the message they receive parses with mailparser to the same headers and
// body; a real client (Debian's swaks) sends through the grader's scripted server with full success.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execa, type ResultPromise } from 'execa';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { freePort } from '../../harness/ports.ts';
import { prepareProgram } from '../../harness/prepare-program.ts';
import { smtpPlan } from '../../harness/smtp/index.ts';
import { Transcript } from '../../harness/transcript.ts';
import { TcpServerPeer } from '../../harness/transport/index.ts';
import { solutionsDir } from '../grader/kit-paths.ts';

/** Debian's python3 has aiosmtpd; the `python3` first on PATH may be another one (pyenv) without it. */
const SYSTEM_PYTHON = '/usr/bin/python3';
const mail = {
  from: 'alice@crepes.example',
  to: ['bob@hamburger.example', 'carol@hamburger.example'],
  subject: 'Grüße: do you like ketchup?',
  body: 'Do you like ketchup?\n.\n..How about pickles?\nno final newline',
};
const expectedText = 'Do you like ketchup?\n.\n..How about pickles?\nno final newline\n';

let workDir = '';
let client: { command: string; args: string[]; cwd: string };

beforeAll(async () => {
  workDir = await mkdtemp(path.join(os.tmpdir(), 'socklab-smtp-peers-'));
  const prepared = await prepareProgram(path.join(solutionsDir, 'smtp-client'), 'client', workDir);
  if ('error' in prepared) throw new Error(`the reference client does not build: ${prepared.error.summary}`);
  client = prepared;
});
afterAll(async () => { await rm(workDir, { recursive: true, force: true }); });

/** Runs the reference client against 127.0.0.1:port with the test's mail. */
function sendWithReference(port: number) {
  const args = ['--host', '127.0.0.1', '--port', String(port), '--from', mail.from, ...mail.to.flatMap((to) => ['--to', to]), '--subject', mail.subject];
  return execa(client.command, [...client.args, ...args], { cwd: client.cwd, input: mail.body, reject: false, timeout: 30_000 });
}

/** The same headers and body, as mailparser reads them, whatever server stored the message. */
async function expectSameMessage(raw: Buffer): Promise<void> {
  const parsed = await simpleParser(raw);
  expect(parsed.from?.value.map((a) => a.address)).toEqual([mail.from]);
  expect([parsed.to ?? []].flat().flatMap((to) => to.value.map((a) => a.address))).toEqual(mail.to);
  expect(parsed.subject).toBe(mail.subject);
  expect(Math.abs((parsed.date?.getTime() ?? 0) - Date.now())).toBeLessThan(10 * 60_000);
  expect(parsed.messageId).toMatch(/^<[^<>@\s]+@crepes\.example>$/);
  expect(parsed.text).toBe(expectedText);
}

describe('the reference client delivers to real SMTP servers', () => {
  test('the npm smtp-server (nodemailer\'s), which receives the envelope and a message mailparser reads back', { timeout: 60_000 }, async () => {
    const received: Array<{ raw: Buffer; from: string; to: string[] }> = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onData(stream, session, done) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          const envelope = session.envelope;
          received.push({ raw: Buffer.concat(chunks), from: envelope.mailFrom ? envelope.mailFrom.address : '', to: envelope.rcptTo.map((r) => r.address) });
          done();
        });
      },
    });
    const port = await freePort('tcp');
    await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
    try {
      const result = await sendWithReference(port);
      expect(result.exitCode, String(result.stderr)).toBe(0);
      expect(received.map((r) => [r.from, r.to])).toEqual([[mail.from, mail.to]]);
      await expectSameMessage(received[0].raw);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  const aiosmtpd = existsSync(SYSTEM_PYTHON) && runsOk(SYSTEM_PYTHON, ['-c', 'import aiosmtpd']);
  const skip = !aiosmtpd && !process.env.CI;
  test.skipIf(skip)(`Debian's aiosmtpd (${SYSTEM_PYTHON} -m aiosmtpd, Mailbox handler)${skip ? ': skipped, python3-aiosmtpd is not installed for /usr/bin/python3' : ''}`, { timeout: 60_000 }, async () => {
    const maildir = path.join(workDir, 'maildir');
    const port = await freePort('tcp');
    const server: ResultPromise = execa(SYSTEM_PYTHON, ['-m', 'aiosmtpd', '-n', '-l', `127.0.0.1:${port}`, '-c', 'aiosmtpd.handlers.Mailbox', maildir], { reject: false });
    try {
      await waitForPort(port);
      const result = await sendWithReference(port);
      expect(result.exitCode, String(result.stderr)).toBe(0);
      const files = await readdir(path.join(maildir, 'new'));
      expect(files).toHaveLength(1);
      const raw = await readFile(path.join(maildir, 'new', files[0]));
      expect(raw.toString()).toContain(`X-MailFrom: ${mail.from}`);
      expect(raw.toString()).toContain(`X-RcptTo: ${mail.to.join(', ')}`);
      await expectSameMessage(raw);
    } finally {
      server.kill('SIGTERM');
      await server;
    }
  });
});

describe('a real client speaks to the grader\'s scripted server', () => {
  test('swaks delivers through it with full success: nothing early, no malformed line, QUIT', { timeout: 60_000 }, async () => {
    const plan = smtpPlan('a willing mail server');
    const peer = await TcpServerPeer.start(await freePort('tcp'), new Transcript(), plan.tcp!);
    try {
      const result = await execa('swaks', ['--server', `127.0.0.1:${peer.port}`, '--from', mail.from, '--to', mail.to.join(','),
        '--header', 'Subject: hello from swaks', '--body', 'line one\n.dot line\n', '--timeout', '20'], { reject: false, timeout: 30_000 });
      expect(result.exitCode, `${result.stdout}\n${result.stderr}`).toBe(0);
      await peer.settled(5000);
      const [session] = plan.sessions;
      expect(session.early).toBeUndefined();
      expect(session.malformed).toEqual([]);
      expect(session).toMatchObject({ mailFrom: mail.from, accepted: mail.to, quit: true });
      expect(session.messages).toHaveLength(1);
      expect(session.messages[0].message.toString()).toContain('\r\n\r\nline one\r\n.dot line\r\n');
    } finally {
      peer.close();
    }
  });
});

/** True when the command runs and exits 0. */
function runsOk(file: string, args: string[]): boolean {
  return spawnSync(file, args, { stdio: 'ignore', timeout: 20_000 }).status === 0;
}

/** Waits until something listens on 127.0.0.1:port (the Python server takes a moment to start). */
async function waitForPort(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt++) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => { socket.destroy(); resolve(true); });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`aiosmtpd did not listen on 127.0.0.1:${port} within 10 s`);
}
