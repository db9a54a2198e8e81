// `socklab run` starts a program by hand as the grader would: it prints the port, serves, and stops cleanly.
import dgram from 'node:dgram';
import { once } from 'node:events';
import path from 'node:path';
import { execa } from 'execa';
import { expect, test } from 'vitest';
import { livingMembers } from '../../harness/process-group.ts';
import { scaled } from '../../harness/timeouts.ts';
import { solutionsDir } from '../grader/kit-paths.ts';
import { socklabBin } from './grade-cli.ts';

async function udpExchange(port: number, payload: string): Promise<string> {
  const socket = dgram.createSocket('udp4');
  try {
    socket.send(payload, port, '127.0.0.1');
    const [reply] = await once(socket, 'message');
    return (reply as Buffer).toString('utf8');
  } finally {
    socket.close();
  }
}

test('a server is started on a port it prints, answers, and is gone after Ctrl-C', async () => {
  const run = execa(process.execPath, [socklabBin, 'run', 'udp-uppercase', 'server', '--target', solutionsDir], { reject: false, env: { NO_COLOR: '1' } });
  let stderr = '';
  const listening = new Promise<{ port: number; pid: number }>((resolve) => {
    run.stderr!.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      const port = /listening on 127\.0\.0\.1:(\d+) \(UDP\)/.exec(stderr);
      const pid = /\(pid (\d+)\)/.exec(stderr);
      if (port && pid) resolve({ port: Number(port[1]), pid: Number(pid[1]) });
    });
  });
  const { port, pid } = await listening;
  expect(await udpExchange(port, 'by hand')).toBe('BY HAND');
  expect(stderr).toContain('[your_program] server: listening');
  run.kill('SIGINT');
  const result = await run;
  expect(result.exitCode).not.toBe(0);
  // The program has exited when `socklab run` does; the sandbox's other processes (bubblewrap's init) are ended by the
  // kernel a moment later, and a process can still be listed while it exits. A survivor would still be there at 1 s.
  const gone = Date.now() + scaled(1000);
  while (livingMembers(pid).length > 0 && Date.now() < gone) await new Promise((resolve) => setTimeout(resolve, 20));
  expect(livingMembers(pid)).toEqual([]);
}, 30_000);

test('a client runs against the port given, with stdin passed through and stdout kept clean', async () => {
  const server = dgram.createSocket('udp4');
  server.on('message', (message, sender) => server.send(`got ${message.toString()}`, sender.port, sender.address));
  server.bind(0, '127.0.0.1');
  await once(server, 'listening');
  try {
    const result = await execa(process.execPath, [socklabBin, 'run', 'udp-uppercase', 'client', '--target', solutionsDir, '--port', String(server.address().port)], { input: 'ping\n', reject: false, env: { NO_COLOR: '1' } });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toBe('got ping');
  } finally {
    server.close();
  }
}, 30_000);

test('a program that cannot run is explained, with exit 1', async () => {
  const result = await execa(process.execPath, [socklabBin, 'run', 'udp-uppercase', 'server', '--target', path.join(solutionsDir, '..', 'docs')], { reject: false });
  expect(result.exitCode).toBe(1);
  expect(result.stderr).toMatch(/there is no server program/);
}, 30_000);
