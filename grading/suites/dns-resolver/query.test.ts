// The query the resolver sends (RFC 1035 §4.1.1, §4.1.2, §2.3.4): judged byte by byte, the ID aside.
import { exerciseSuite, expectExit, GradingFailure, timeout } from '../../../harness/index.ts';
import { expectQuery } from '../../../harness/dns/index.ts';
import { dnsServer, firstQuery, runResolver, udpQueries } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'The query' });

suite.case({ id: 'query-header-and-question', name: 'an A query: ID, flags with only RD set, one question NAME/A/IN', points: 2, level: 'core', reference: 'RFC 1035 §4.1.1, §4.1.2' }, async (t) => {
  const run = await runResolver(t);
  expectQuery(await firstQuery(run), run.scenario.name, 'A', { repro: run.repro });
});

suite.case({ id: 'query-type-and-class', name: '--type sets QTYPE (AAAA, MX, NS, TXT, CNAME); QCLASS is IN', points: 1, level: 'rfc', reference: 'RFC 1035 §3.2.2, §4.1.2; RFC 3596 §2.1' }, async (t) => {
  const run = await runResolver(t);
  expectQuery(await firstQuery(run), run.scenario.name, run.scenario.type, { repro: run.repro });
});

suite.case({ id: 'query-trailing-dot', name: 'a name that ends in a dot is sent as the same labels, without an empty one', points: 1, level: 'rfc', reference: 'RFC 1035 §3.1' }, async (t) => {
  const run = await runResolver(t);
  expectQuery(await firstQuery(run), run.scenario.name, 'A', {
    repro: run.repro,
    hint: '"example.com." is "example.com" written fully: the trailing dot is the root, whose label is the 0 byte that\n' +
      'ends every QNAME anyway. Drop it before splitting on ".", or you send an empty label (a second 0 byte).',
  });
});

suite.case({ id: 'query-random-id', name: 'each run picks a new random ID', points: 2, level: 'rfc', reference: 'RFC 5452 §4.3; RFC 1035 §4.1.1' }, async (t) => {
  const server = await dnsServer(t);
  const runs = await Promise.all([0, 1, 2].map(() => runResolver(t, server)));
  await Promise.all(runs.map((run) => run.program.waitForExit(timeout('startup'))));
  await udpQueries(runs, 3, timeout('reply'));
  const ids = runs[0].log.udp.map((query) => query.bytes.readUInt16BE(0));
  if (ids.length < 3) {
    throw new GradingFailure({ summary: `three runs of your resolver sent ${ids.length} queries in all; each run should send one`, hint: 'Send one query per run, to --server and --port.', repro: runs[0].repro });
  }
  // Three random 16-bit IDs are all equal with a chance of 1 in 4 billion.
  if (new Set(ids).size === 1) {
    throw new GradingFailure({
      summary: `your resolver used the ID ${ids[0]} (0x${ids[0].toString(16).padStart(4, '0')}) in each of three runs`,
      details: ids.map((id, i) => `run ${i + 1}: ID ${id}`),
      hint: 'The ID must be unpredictable, new for every run (RFC 5452: a fixed or counted ID lets anyone forge the\n' +
        'reply). Use randomInt(0, 65536) from node:crypto, or random.getrandbits(16) in Python.',
      repro: runs[0].repro,
    });
  }
});

async function expectRefused(t: Parameters<Parameters<typeof suite.case>[1]>[0], why: string): Promise<void> {
  const run = await runResolver(t);
  await expectExit(run.program, {
    code: 2,
    what: `for a name ${why}`,
    hint: `RFC 1035 §2.3.4: a label is at most 63 bytes, a name at most 255 on the wire. Check both before sending\nand exit 2 (a usage error) with a message on stderr.`,
    repro: run.repro,
  });
  if (run.log.arrivals.length > 0) {
    throw new GradingFailure({ summary: `your resolver exited 2 for a name ${why}, but sent a query first`, hint: 'Check the name before anything is sent.', repro: run.repro });
  }
  if (run.program.stderr.total === 0) {
    throw new GradingFailure({ summary: 'your resolver exited 2 but wrote nothing to stderr', hint: 'Say which label or name is too long.', repro: run.repro });
  }
}

suite.case({ id: 'query-label-too-long', name: 'a label of 64 bytes: exit 2, nothing sent', points: 1, level: 'rfc', reference: 'RFC 1035 §2.3.4' }, async (t) => {
  await expectRefused(t, 'with a 64-byte label');
});

suite.case({ id: 'query-name-too-long', name: 'a name of more than 255 bytes: exit 2, nothing sent', points: 1, level: 'rfc', reference: 'RFC 1035 §2.3.4' }, async (t) => {
  await expectRefused(t, 'of more than 255 bytes on the wire');
});

suite.case({ id: 'query-longest-name', name: 'a 63-byte label in a name of exactly 255 bytes is sent', points: 1, level: 'rfc', reference: 'RFC 1035 §2.3.4' }, async (t) => {
  const run = await runResolver(t);
  const name = run.scenario.name;
  await udpQueries([run], 1);
  if (run.log.arrivals.length === 0) {
    await run.program.waitForExit(timeout('exit'));
    throw new GradingFailure({
      summary: 'your resolver sent nothing for a name of 253 characters (255 bytes on the wire, the most allowed) with 63-byte labels',
      details: [`name      ${name}`],
      hint: 'The limits are inclusive: a label may be 63 bytes, and a name 255 bytes counted as sent (length bytes and the\nfinal 0 included), which is 253 characters of text.',
      repro: run.repro,
    });
  }
  expectQuery(run.log.arrivals[0].bytes, name, 'A', { repro: run.repro });
});
