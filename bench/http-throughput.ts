// Requests per second of the reference http-server over keep-alive connections, beside Node's own node:http serving
// the same file, measured in the same run so that the ratio holds on any machine.
//
//   npx tsx bench/http-throughput.ts
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildWebRoot } from '../harness/fixtures/web-root.ts';
import { freePort } from '../harness/ports.ts';
import { launch, prepareCopy } from '../harness/launcher.ts';
import { solutionsDir } from '../grading/grader/kit-paths.ts';

export interface ThroughputOptions { connections?: number; warmupMs?: number; durationMs?: number; urlPath?: string }

/** One connection asking for the same file again and again, each request after the previous answer. */
async function hammer(port: number, urlPath: string, until: () => boolean, counted: () => boolean, tally: { n: number }): Promise<void> {
  const socket = net.connect({ port, host: '127.0.0.1' });
  socket.setNoDelay(true);
  await new Promise<void>((resolve, reject) => { socket.once('connect', resolve); socket.once('error', reject); });
  const request = Buffer.from(`GET ${urlPath} HTTP/1.1\r\nHost: bench\r\n\r\n`);
  let buffer: Buffer = Buffer.alloc(0);
  await new Promise<void>((resolve, reject) => {
    socket.on('error', reject);
    socket.on('data', (chunk: Buffer) => {
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const length = Number(/content-length: *(\d+)/i.exec(buffer.subarray(0, end).toString('latin1'))?.[1] ?? 0);
      if (buffer.length < end + 4 + length) return;
      buffer = buffer.subarray(end + 4 + length);
      if (counted()) tally.n += 1;
      if (until()) { socket.end(); resolve(); } else socket.write(request);
    });
    socket.write(request);
  });
  socket.destroy();
}

/** Requests per second one server answers for `durationMs`, after a warm-up. */
async function measure(port: number, options: Required<ThroughputOptions>): Promise<number> {
  const started = Date.now();
  const countFrom = started + options.warmupMs;
  const stopAt = countFrom + options.durationMs;
  const tally = { n: 0 };
  await Promise.all(Array.from({ length: options.connections }, () =>
    hammer(port, options.urlPath, () => Date.now() >= stopAt, () => Date.now() >= countFrom, tally)));
  return tally.n / (options.durationMs / 1000);
}

/** Starts a prepared server program on the site and measures it; the program is stopped after. */
async function measureServer(dir: string, root: string, options: Required<ThroughputOptions>): Promise<number> {
  const copy = await prepareCopy(dir, 'server');
  if ('error' in copy) throw new Error(`bench: cannot prepare ${dir}: ${copy.error.summary}`);
  const port = await freePort();
  try {
    const program = await launch(copy.prepared, { args: ['--port', String(port), '--root', root], lifetimeMs: 0, listen: { port } });
    try {
      return await measure(port, options);
    } finally {
      await program.stop();
    }
  } finally {
    await copy.dispose();
  }
}

/** The reference's and node:http's requests per second over keep-alive connections, and their ratio. */
export async function measureHttpThroughput(given: ThroughputOptions = {}) {
  const options: Required<ThroughputOptions> = { connections: 50, warmupMs: 500, durationMs: 3000, urlPath: '/hello.txt', ...given };
  const site = await buildWebRoot();
  try {
    const reference = await measureServer(path.join(solutionsDir, 'http-server'), site.root, options);
    const nodeHttp = await measureServer(path.join(path.dirname(fileURLToPath(import.meta.url)), 'http-baseline'), site.root, options);
    return {
      file: options.urlPath,
      connections: options.connections,
      seconds: options.durationMs / 1000,
      referenceRequestsPerSecond: Math.round(reference),
      nodeHttpRequestsPerSecond: Math.round(nodeHttp),
      ratioToNodeHttp: Number((reference / nodeHttp).toFixed(2)),
    };
  } finally {
    await site.dispose();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  console.log(JSON.stringify(await measureHttpThroughput(), null, 2));
}
