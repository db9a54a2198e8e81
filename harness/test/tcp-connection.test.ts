// The grader as a TCP client: every way a server's answer can go wrong is a GradingFailure that shows what was
// sent, what came back with a caret, the usual causes, and an nc line.
import { afterEach, describe, expect, test } from 'vitest';
import { GradingFailure, renderDetails } from '../failure.ts';
import { freePort } from '../ports.ts';
import { TcpConnection } from '../tcp-connection.ts';
import { scaled, timeout } from '../timeouts.ts';
import { Transcript } from '../transcript.ts';
import { failureOf } from './support/hostile.ts';
import { tinyTcpServer, upper } from './support/tiny-servers.ts';

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => { for (const work of cleanups.splice(0).reverse()) await work(); });

/** Starts a tiny server and opens a grader connection to it. */
async function connectTo(handler: Parameters<typeof tinyTcpServer>[0], allowHalfOpen = false) {
  const server = await tinyTcpServer(handler, allowHalfOpen);
  cleanups.push(server.close);
  const transcript = new Transcript();
  const connection = await TcpConnection.open(server.port, transcript);
  cleanups.push(() => connection.destroy());
  return { connection, port: server.port, transcript };
}

/** The failure a piece of work throws, as the student would read it. */
async function failure(work: () => Promise<unknown>) {
  const { error, ms } = await failureOf(work);
  expect(error).toBeInstanceOf(GradingFailure);
  const details = (error as GradingFailure).details;
  return { details, ms, text: renderDetails(details).join('\n') };
}

const short = () => scaled(300);

describe('TcpConnection.expect', () => {
  test('passes when the answer arrives in pieces, and records both sides', async () => {
    const { connection, transcript } = await connectTo((socket) => socket.on('data', (data) => {
      const reply = upper(data);
      socket.write(reply.subarray(0, 3));
      setTimeout(() => socket.write(reply.subarray(3)), 20);
    }));
    connection.write('hello world\n');
    await connection.expect('HELLO ');
    await connection.expect('WORLD\n');
    const lines = transcript.lines().join('\n');
    expect(lines).toContain('C: hello world');
    expect(lines).toContain('S: HEL  (no newline yet)');
  });

  test('a wrong byte: fails at once, with a caret under it, the sent bytes and an nc line', async () => {
    const { connection, port } = await connectTo((socket) => socket.once('data', () => socket.write('HELxO\n')));
    connection.write('hello\n');
    const { details, text, ms } = await failure(() => connection.expect('HELLO\n', { what: 'the first reply' }));
    expect(ms).toBeLessThan(timeout('reply'));
    expect(details.summary).toBe('the first reply: the answer differs from what was expected');
    expect(text).toContain('sent      "hello\\n"');
    expect(text).toContain(`expected  "HELLO\\n"\nreceived  "HELxO\\n"\n${' '.repeat(14)}^ first difference at byte 3`);
    expect(details.hint).toContain('Check letter case, line endings');
    expect(details.repro).toEqual([`printf 'hello\\n' | nc 127.0.0.1 ${port}`]);
  });

  test('the server closes early: eof, and how much arrived', async () => {
    const { connection } = await connectTo((socket) => socket.once('data', () => socket.end('HEL')));
    connection.write('hello\n');
    const { details, text } = await failure(() => connection.expect('HELLO\n'));
    expect(details.summary).toBe('the server closed the connection before the whole answer arrived');
    expect(text).toContain('^ received only 3 of 6 bytes');
    expect(details.hint).toContain('closed before the whole answer arrived');
  });

  test('the server resets the connection: reset, with the crash hint', async () => {
    const { connection } = await connectTo((socket) => socket.once('data', () => socket.resetAndDestroy()));
    connection.write('hello\n');
    const { details } = await failure(() => connection.expect('HELLO\n'));
    expect(details.summary).toBe('the connection was reset before the whole answer arrived');
    expect(details.hint).toContain('Connection reset');
  });

  test('the server is silent: fails after the timeout, not later, with the timeout hint', async () => {
    const { connection } = await connectTo(() => { /* never answers */ });
    connection.write('hello\n');
    const { details, ms } = await failure(() => connection.expect('HELLO\n', { timeoutMs: short() }));
    expect(details.summary).toBe(`the whole answer did not arrive within ${short()} ms`);
    expect(ms).toBeLessThan(short() + scaled(5000));
    expect(details.hint).toContain('Nothing more arrived in time');
  });

  test('nothing came back: says so, and leaves out advice about the answer\'s content', async () => {
    const { connection } = await connectTo(() => { /* never answers */ });
    connection.write('straße\n');
    const { details } = await failure(() => connection.expect('STRASSE\n', { timeoutMs: short(), hint: 'Answer each line.', contentHint: 'Decode the line as UTF-8.' }));
    expect(details.hint).toMatch(/^Your program sent nothing back: not one byte of this answer arrived\.\nAnswer each line\.\nNothing more arrived/);
    expect(details.hint).not.toContain('UTF-8');
  });

  test('a case\'s own hint comes first, the usual causes after it', async () => {
    const { connection } = await connectTo((socket) => socket.once('data', () => socket.write('hello\n')));
    connection.write('hello\n');
    const { details } = await failure(() => connection.expect('HELLO\n', { hint: 'Uppercase the whole line.', contentHint: 'Mind the UTF-8.' }));
    expect(details.hint?.startsWith('Uppercase the whole line.\nMind the UTF-8.\nThe bytes differ')).toBe(true);
  });
});

describe('TcpConnection.expectClose', () => {
  test('passes when the server closes after the answer', async () => {
    const { connection } = await connectTo((socket) => socket.once('data', (data) => socket.end(upper(data))));
    connection.write('bye\n');
    await connection.expect('BYE\n');
    await connection.expectClose();
  });

  test('extra bytes before the close: shows them', async () => {
    const { connection } = await connectTo((socket) => socket.once('data', (data) => socket.end(Buffer.concat([upper(data), Buffer.from('\n')]))));
    connection.write('bye\n');
    await connection.expect('BYE\n');
    const { details, text } = await failure(() => connection.expectClose());
    expect(details.summary).toBe('more bytes arrived where the server should have closed the connection');
    expect(text).toContain('received  "\\n"');
    expect(details.hint).toContain('More bytes arrived than the contract allows');
  });

  test('no close: says so in bounded time, and the nc line sends the FIN the grader sent (-N)', async () => {
    const { connection, port } = await connectTo((socket) => socket.on('data', (data) => socket.write(upper(data))), true);
    connection.write('bye\n');
    connection.end();
    await connection.expect('BYE\n');
    const { details, ms } = await failure(() => connection.expectClose({ timeoutMs: short() }));
    expect(details.summary).toBe(`the server did not close the connection within ${short()} ms`);
    expect(ms).toBeLessThan(short() + scaled(5000));
    expect(details.repro).toEqual([`printf 'bye\\n' | nc -N 127.0.0.1 ${port}`]);
  });
});

describe('TcpConnection.expectNothing', () => {
  test('passes when nothing arrives', async () => {
    const { connection } = await connectTo(() => { /* waits for the rest of the request */ });
    connection.write('hel');
    await connection.expectNothing(short());
  });

  test('an answer before the request is complete: the early hint', async () => {
    const { connection } = await connectTo((socket) => socket.once('data', (data) => socket.write(upper(data))));
    connection.write('hel');
    const { details, text } = await failure(() => connection.expectNothing(short()));
    expect(details.summary).toBe('bytes arrived before the request was complete');
    expect(text).toContain('received  "HEL"');
    expect(details.hint).toContain('TCP is a byte stream');
  });
});

describe('TcpConnection.open', () => {
  test('nothing listening: connection refused, with the "is it listening on --port" hint', async () => {
    const port = await freePort('tcp');
    const { details } = await failure(() => TcpConnection.open(port, new Transcript()));
    expect(details.summary).toBe(`could not connect to 127.0.0.1:${port}: ECONNREFUSED`);
    expect(details.hint).toContain('Connection refused: nothing was listening on that port');
  });
});
