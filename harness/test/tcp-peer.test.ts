// The grader as a scripted TCP server for a student's client: it answers line by line as the case scripts it,
// and keeps its side open after the client's FIN until every (late, split) answer is out.
import net from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { TcpPeer, type TcpScript } from '../tcp-peer.ts';
import { Transcript } from '../transcript.ts';

const cleanups: Array<() => void> = [];
afterEach(() => { for (const work of cleanups.splice(0).reverse()) work(); });

async function peer(script: TcpScript): Promise<TcpPeer> {
  const started = await TcpPeer.start(new Transcript(), script);
  cleanups.push(() => started.close());
  return started;
}

/** A client that sends `data`, ends its side at once, and collects everything until the peer closes. */
function exchange(port: number, data: string): Promise<{ received: string; chunks: number; error?: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('error', (error: NodeJS.ErrnoException) => resolve({ received: '', chunks: 0, error: error.code }));
    socket.on('end', () => resolve({ received: Buffer.concat(chunks).toString('utf8'), chunks: chunks.length }));
    socket.end(data);
  });
}

const upper = (line: string) => `${line.toUpperCase()}\n`;

describe('TcpPeer', () => {
  test('answers each line, and closes after the client\'s FIN once the answers are out', async () => {
    const server = await peer({ answerLine: upper });
    expect((await exchange(server.port, 'one\ntwo\n')).received).toBe('ONE\nTWO\n');
    expect(server.connections[0].received.toString()).toBe('one\ntwo\n');
    expect(server.connections[0].ended).toBe(true);
  });

  test('late answers still arrive after the client has ended its side', async () => {
    const server = await peer({ answerLine: upper, delayMs: 100 });
    expect((await exchange(server.port, 'slow\nsteady\n')).received).toBe('SLOW\nSTEADY\n');
  });

  test('answers in pieces arrive as separate segments', async () => {
    const server = await peer({ answerLine: upper, pieceBytes: 2, pieceGapMs: 20 });
    const result = await exchange(server.port, 'abcdef\n');
    expect(result.received).toBe('ABCDEF\n');
    expect(result.chunks).toBeGreaterThan(1);
  });

  test('a last line without a newline is answered only with answerFinalLine', async () => {
    const plain = await peer({ answerLine: upper });
    expect((await exchange(plain.port, 'one\nlast')).received).toBe('ONE\n');
    const final = await peer({ answerLine: upper, answerFinalLine: true });
    expect((await exchange(final.port, 'one\nlast')).received).toBe('ONE\nLAST\n');
  });

  test('resetAfterLines resets the connection when that line arrives', async () => {
    const server = await peer({ answerLine: upper, resetAfterLines: 1 });
    expect((await exchange(server.port, 'first\nsecond\n')).error).toBe('ECONNRESET');
  });
});
