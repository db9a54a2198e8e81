// `socklab serve <exercise>`: the grader's own scripted peer for a client case, started by hand, printing its side.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { randomInt } from 'node:crypto';
import { Transcript } from '../../../harness/transcript.ts';
import { startPeer, type PeerTable } from '../../../harness/transport/index.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { suitesDir } from '../../grader/kit-paths.ts';
import { applyTimeoutScale, numberOption, parseOptions } from '../options.ts';

/** The exercise's peer table (grading/suites/<id>/support/peers.ts), or a usage error saying it has none. */
async function loadPeers(id: string): Promise<PeerTable> {
  const file = path.join(suitesDir, id, 'support', 'peers.ts');
  if (!existsSync(file)) throw new UsageError(`socklab serve: ${id} has no client cases, so the grader has no server to start for it`);
  // The peer tables are the suites' own TypeScript, which the precompiled CLI cannot load by itself.
  const { register } = await import('tsx/esm/api');
  register();
  return ((await import(pathToFileURL(file).href)) as { peers: PeerTable }).peers;
}

export async function serveCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseOptions('serve', args, {
    case: { type: 'string' }, seed: { type: 'string' }, port: { type: 'string' }, 'timeout-scale': { type: 'string' },
  });
  if (positionals.length !== 1) throw new UsageError('socklab serve: name one exercise, e.g. `npx socklab serve tcp-uppercase`');
  const [id] = positionals;
  loadManifests([id]);
  applyTimeoutScale('serve', values['timeout-scale']);
  const peers = await loadPeers(id);
  const caseId = values.case ?? peers.default;
  if (!peers.cases[caseId]) {
    throw new UsageError(`socklab serve: ${id} has no grader's server for case ${caseId}; the cases with one are:`,
      Object.keys(peers.cases));
  }
  const seed = numberOption('serve', 'seed', values.seed, 0, 2 ** 31 - 1) ?? randomInt(0, 2 ** 31 - 1);
  const port = numberOption('serve', 'port', values.port, 1, 65535);
  const transcript = new Transcript();
  const peer = await startPeer(peers, caseId, seed, transcript, port).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'EADDRINUSE') throw new UsageError(`socklab serve: port ${port} is in use; pick another, or leave --port out`);
    throw error;
  });
  const transports = [peer.tcp && 'TCP', peer.udp && 'UDP'].filter(Boolean).join(' and ');
  console.error(`[socklab] the grader's server for ${id}/${caseId} (seed ${seed}): ${peer.plan.about}`);
  console.error(`[socklab] listening on 127.0.0.1:${peer.port} (${transports}); point your client at it: --host 127.0.0.1 --port ${peer.port}`);
  console.error('[socklab] below, C: is your client and S: the grader. Ctrl-C stops it.');
  transcript.onLine = (line) => process.stdout.write(`${line}\n`);
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  peer.close();
  return 0;
}
