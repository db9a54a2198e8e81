// The "reproduce by hand" lines, run as printed against real servers with the real netcat (Debian's
// netcat-openbsd, which .ci/run installs): the reply a student would see must be the reply the grader got.
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { solutionsDir } from '../../grading/grader/kit-paths.ts';
import { launch, prepareCopy, type PreparedCopy } from '../launcher.ts';
import { stopGroup } from '../process-group.ts';
import { freePort } from '../ports.ts';
import type { RunningProgram } from '../running-program.ts';
import { TcpConnection } from '../tcp-connection.ts';
import { scaled } from '../timeouts.ts';
import { Transcript } from '../transcript.ts';
import { UdpSocket } from '../udp-socket.ts';
import { expectNoSurvivors } from './support/hostile.ts';
import { tinyTcpServer } from './support/tiny-servers.ts';

/**
 * Runs a printed line in a shell, as a student would paste it. A line still running after `ms` is stopped with its
 * whole process group (nc included, which a signal to the shell alone would leave running).
 */
async function runLine(line: string, ms = scaled(10_000)) {
  const child = execa('sh', ['-c', line], { detached: true, reject: false, encoding: 'buffer', stdin: 'ignore', stripFinalNewline: false });
  let timedOut = false;
  const timer = setTimeout(() => { timedOut = true; void stopGroup(child.pid!, 0); }, ms);
  const result = await child;
  clearTimeout(timer);
  return { exitCode: result.exitCode, stdout: Buffer.from(result.stdout), timedOut };
}

test('netcat is the OpenBSD flavour the lines are written for (Debian: netcat-openbsd)', async () => {
  const help = await execa('nc', ['-h'], { reject: false, all: true });
  expect(help.all, 'nc is missing: apt-get install netcat-openbsd').toMatch(/OpenBSD netcat/);
});

describe.concurrent('UDP: the reference server (solutions/udp-uppercase) answers the printed line as it answered the grader', () => {
  let copy: PreparedCopy;
  let server: RunningProgram;
  let port: number;

  beforeAll(async () => {
    const prepared = await prepareCopy(path.join(solutionsDir, 'udp-uppercase'), 'server');
    if ('error' in prepared) throw new Error(prepared.error.summary);
    copy = prepared;
    port = await freePort('udp');
    server = await launch(copy.prepared, { args: ['--port', String(port)], listen: { port, transport: 'udp' } });
  });

  afterAll(async () => {
    await server?.stop();
    if (server) await expectNoSurvivors(server);
    await copy?.dispose();
  });

  test.each([
    ['plain text', 'hello, udp world 42!'],
    ['quotes, percent signs, backslashes', `it's "100%" \\n not a newline`],
    ['a leading dash', '-n is not an option here'],
    ['UTF-8', 'grüße aus der straße, café'],
    ['several lines in one datagram', 'line one\nline two\r\n'],
  ])('%s', async (_, payload) => {
    const client = await UdpSocket.open(new Transcript());
    try {
      await client.send(port, payload);
      const reply = await client.receive();
      expect(reply?.payload.toString()).toBe(payload.toUpperCase());
      const line = client.reproLine();
      expect(line).toMatch(new RegExp(`^printf '.*' \\| nc -u -w1 127\\.0\\.0\\.1 ${port}$`, 's'));
      const result = await runLine(line);
      expect(result.timedOut).toBe(false);
      expect(result.stdout.toString()).toBe(payload.toUpperCase());
    } finally {
      client.close();
    }
  });

  test('the empty datagram, sent by the node line, gets its empty reply', async () => {
    const client = await UdpSocket.open(new Transcript());
    try {
      await client.send(port, '');
      const result = await runLine(client.reproLine());
      expect(result.exitCode).toBe(0);
      expect(result.stdout.toString()).toBe('"" \n');
    } finally {
      client.close();
    }
  });
});

describe('TCP: a tiny uppercase server answers the printed line as it answered the grader', () => {
  test('a server that replies and closes (textbook TCPServer): plain nc, which ends when the server closes', async () => {
    const server = await tinyTcpServer((socket) => socket.once('data', (data) => socket.end(data.toString().toUpperCase())));
    const connection = await TcpConnection.open(server.port, new Transcript());
    try {
      connection.write('hello, tcp\n');
      await connection.expect('HELLO, TCP\n');
      await connection.expectClose();
      const line = connection.reproLine();
      expect(line).toBe(`printf 'hello, tcp\\n' | nc 127.0.0.1 ${server.port}`);
      const result = await runLine(line);
      expect(result.timedOut).toBe(false);
      expect(result.stdout.toString()).toBe('HELLO, TCP\n');
    } finally {
      connection.destroy();
      await server.close();
    }
  });

  test('a server that answers once the client ends its stream: the line sends the FIN too (nc -N)', async () => {
    // Reads until the client's FIN, then answers everything and closes: plain nc would wait forever here.
    const server = await tinyTcpServer((socket) => {
      const chunks: Buffer[] = [];
      socket.on('data', (data) => chunks.push(data));
      socket.on('end', () => socket.end(Buffer.concat(chunks).toString().toUpperCase()));
    }, true);
    const connection = await TcpConnection.open(server.port, new Transcript());
    try {
      connection.write("it's 100% done\n");
      connection.end();
      await connection.expect("IT'S 100% DONE\n");
      await connection.expectClose();
      const line = connection.reproLine();
      expect(line).toBe(`printf 'it'\\''s 100%% done\\n' | nc -N 127.0.0.1 ${server.port}`);
      const result = await runLine(line);
      expect(result.timedOut).toBe(false);
      expect(result.stdout.toString()).toBe("IT'S 100% DONE\n");
      // Without -N the same exchange does not happen: nc keeps its side open and the server never answers.
      const withoutFin = await runLine(line.replace(' -N', ''), scaled(1500));
      expect(withoutFin.timedOut).toBe(true);
      expect(withoutFin.stdout.length).toBe(0);
    } finally {
      connection.destroy();
      await server.close();
    }
  });
});
