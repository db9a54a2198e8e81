// Opens the grader's TCP connection to a program under test: a refused or silent connect is explained, not thrown raw.
import net from 'node:net';
import { GradingFailure } from './failure.ts';
import { hintFor } from './hints.ts';
import { timeout } from './timeouts.ts';
import type { Transcript } from './transcript.ts';

/** Connects to 127.0.0.1:port with Nagle off (so pieces leave as written), noting the connection in the transcript. */
export function connectLoopback(port: number, transcript: Transcript, label = ''): Promise<net.Socket> {
  return new Promise((resolve, reject) => {
    const socket = net.connect({ port, host: '127.0.0.1' });
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new GradingFailure({ summary: `could not connect to 127.0.0.1:${port} within ${timeout('reply')} ms`, hint: hintFor('timeout') }));
    }, timeout('reply'));
    socket.once('connect', () => {
      clearTimeout(timer);
      socket.setNoDelay(true);
      transcript.note(`${label}connected to 127.0.0.1:${port}`);
      resolve(socket);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(new GradingFailure({
        summary: `could not connect to 127.0.0.1:${port}: ${error.code ?? error.message}`,
        hint: hintFor(error.code === 'ECONNREFUSED' ? 'refused' : 'reset'),
      }));
    });
  });
}
