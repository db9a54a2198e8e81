// The grader as a scripted TCP server: a session per connection that may speak first, keep state, switch framing,
// and keeps its side open after the client's FIN until it is done.
import net from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { freePort } from '../ports.ts';
import { Transcript } from '../transcript.ts';
import { sleep, TcpServerPeer, type TcpSession } from '../transport/index.ts';

const cleanups: Array<() => void> = [];
afterEach(() => { for (const work of cleanups.splice(0).reverse()) work(); });

async function peer(session: TcpSession, transcript = new Transcript()): Promise<TcpServerPeer> {
  const started = await TcpServerPeer.start(await freePort(), transcript, session);
  cleanups.push(() => started.close());
  return started;
}

/** A client that sends `data` (each piece once the previous answer has come), ends its side, and collects all. */
function exchange(port: number, data: string, end = true): Promise<{ received: string; chunks: number; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ received: '', chunks: 0, error: error.code }));
    socket.on('end', () => resolve({ received: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length }));
    if (end) socket.end(data); else socket.write(data);
  });
}

/** Answers each LF line with its uppercase until the client ends its side. */
const upper: TcpSession = async (stream) => {
  for (;;) stream.write(`${(await stream.readLine('lf')).toUpperCase()}\n`);
};

describe('TcpServerPeer', () => {
  test('answers each line, and closes after the client\'s FIN once the answers are out', async () => {
    const server = await peer(upper);
    expect((await exchange(server.port, 'one\ntwo\n')).received).toBe('ONE\nTWO\n');
    expect(server.connections[0].receivedBytes.toString()).toBe('one\ntwo\n');
    expect(server.connections[0].theyEnded).toBe(true);
  });

  test('late answers still arrive after the client has ended its side', async () => {
    const server = await peer(async (stream) => {
      for (;;) { const line = await stream.readLine('lf'); await sleep(100); stream.write(`${line.toUpperCase()}\n`); }
    });
    expect((await exchange(server.port, 'slow\nsteady\n')).received).toBe('SLOW\nSTEADY\n');
  });

  test('writeInPieces sends separate segments, recorded once', async () => {
    const transcript = new Transcript();
    const server = await peer(async (stream) => { await stream.writeInPieces(`${(await stream.readLine('lf')).toUpperCase()}\n`, 2, 100); }, transcript);
    const result = await exchange(server.port, 'abcdef\n');
    expect(result.received).toBe('ABCDEF\n');
    expect(result.chunks).toBeGreaterThan(1);
    expect(transcript.lines().filter((line) => line.includes('S: ABCDEF'))).toHaveLength(1);
  });

  test('speaks first, keeps state, and switches from CRLF lines to a dot-terminated block (SMTP\'s DATA)', async () => {
    const server = await peer(async (stream) => {
      stream.write('220 hello\r\n');
      const commands: string[] = [];
      for (let line = await stream.readLine('crlf'); line !== 'DATA'; line = await stream.readLine('crlf')) commands.push(line);
      stream.write('354 go on\r\n');
      const body: string[] = [];
      for (let line = await stream.readLine('crlf'); line !== '.'; line = await stream.readLine('crlf')) body.push(line);
      stream.write(`250 ${commands.length} commands, ${body.length} body lines\r\n`);
    });
    const result = await exchange(server.port, 'HELO a\r\nMAIL x\r\nDATA\r\nline\nwith bare LF\r\nsecond\r\n.\r\n');
    expect(result.received).toBe('220 hello\r\n354 go on\r\n250 2 commands, 2 body lines\r\n');
  });

  test('reads n bytes and length-prefixed messages (DNS over TCP), and writes them', async () => {
    const server = await peer(async (stream) => {
      const head = await stream.readBytes(3);
      const message = await stream.readLengthPrefixed();
      stream.writeLengthPrefixed(Buffer.concat([head, message]));
    });
    const socket = net.connect(server.port, '127.0.0.1');
    const got = new Promise<Buffer>((resolve) => { const chunks: Buffer[] = []; socket.on('data', (c) => chunks.push(c)); socket.on('end', () => resolve(Buffer.concat(chunks))); });
    socket.write('abc\x00');
    await sleep(30); // the length arrives split across segments
    socket.end('\x04wxyz');
    expect((await got).toString('latin1')).toBe('\x00\x07abcwxyz');
  });

  test('a last line without a newline is a line only with lastLine', async () => {
    const plain = await peer(upper);
    expect((await exchange(plain.port, 'one\nlast')).received).toBe('ONE\n');
    const final = await peer(async (stream) => { for (;;) stream.write(`${(await stream.readLine('lf', { lastLine: true })).toUpperCase()}\n`); });
    expect((await exchange(final.port, 'one\nlast')).received).toBe('ONE\nLAST\n');
  });

  test('a session can reset the connection', async () => {
    const server = await peer(async (stream) => { await stream.readLine('lf'); stream.reset(); });
    expect((await exchange(server.port, 'first\nsecond\n', false)).error).toBe('ECONNRESET');
  });

  test('each connection runs its own session and knows its index', async () => {
    const server = await peer(async (stream, info) => { stream.write(`you are ${info.index}\n`); });
    expect((await exchange(server.port, '')).received).toBe('you are 0\n');
    expect((await exchange(server.port, '')).received).toBe('you are 1\n');
    expect(server.connections).toHaveLength(2);
  });

  test('a session that throws is a kit error the peer keeps, not a silent pass', async () => {
    const server = await peer(async () => { throw new Error('script bug'); });
    await exchange(server.port, 'x\n');
    expect(server.sessionErrors.map((error) => error.message)).toEqual(['script bug']);
  });
});
