// Names with compression pointers (RFC 1035 §4.1.4), in owner names and inside CNAME, MX and NS RDATA.
import { exerciseSuite } from '../../../harness/index.ts';
import { expectPrinted, runResolver } from './support/resolver-run.ts';
import { cnameChain, recordsOf, scenario } from './support/scenarios.ts';
import { label } from './support/zone.ts';

const suite = exerciseSuite('dns-resolver');

const POINTER_HINT = 'A length byte 0b11xxxxxx starts a two-byte pointer: ((byte & 0x3f) << 8) | next byte is the offset,\n' +
  'from the start of the message, where the rest of the name is. After a pointer the name ends in place: the\n' +
  'record goes on two bytes after it. Real servers compress almost every reply.';

suite.case({ id: 'compression-in-names', name: 'owner names given as pointers to the question are decoded', points: 2, reference: 'RFC 1035 §4.1.4' }, async (t) => {
  const zone = `${label(t.random)}.test`;
  const name = `${label(t.random)}.${zone}`;
  const s = scenario(name, 'A', recordsOf(t.random, name, 'A', zone), { reply: { compress: true } });
  await expectPrinted(await runResolver(t, s), s, { hint: POINTER_HINT });
});

suite.case({ id: 'compression-in-rdata', name: 'names inside CNAME, MX and NS RDATA are decoded with pointers', points: 2, reference: 'RFC 1035 §4.1.4, §3.3' }, async (t) => {
  const zone = `${label(t.random)}.test`;
  const mx = `${label(t.random)}.${zone}`;
  const runs = [
    cnameChain(t.random, 'A', true),
    scenario(mx, 'MX', recordsOf(t.random, mx, 'MX', zone), { reply: { compress: true } }),
    scenario(zone, 'NS', recordsOf(t.random, zone, 'NS', zone), { reply: { compress: true } }),
  ];
  const started = await Promise.all(runs.map((s) => runResolver(t, s)));
  for (const [i, s] of runs.entries()) {
    await expectPrinted(started[i], s, {
      hint: `${POINTER_HINT}\nA name inside RDATA (CNAME, NS, MX's EXCHANGE) may point anywhere earlier in the message: decode it\nfrom the whole message, not from the RDATA bytes alone.`,
    });
  }
});
