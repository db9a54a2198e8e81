// Names with compression pointers (RFC 1035 §4.1.4), in owner names and inside CNAME, MX and NS RDATA.
import { exerciseSuite } from '../../../harness/index.ts';
import { dnsServer, expectPrinted, runResolver } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'Compressed names' });

const POINTER_HINT = 'A length byte 0b11xxxxxx starts a two-byte pointer: ((byte & 0x3f) << 8) | next byte is the offset,\n' +
  'from the start of the message, where the rest of the name is. After a pointer the name ends in place: the\n' +
  'record goes on two bytes after it. Real servers compress almost every reply.';

suite.case({ id: 'compression-in-names', name: 'owner names given as pointers to the question are decoded', points: 2, level: 'rfc', reference: 'RFC 1035 §4.1.4' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: POINTER_HINT });
});

suite.case({ id: 'compression-in-rdata', name: 'names inside CNAME, MX and NS RDATA are decoded with pointers', points: 2, level: 'rfc', reference: 'RFC 1035 §4.1.4, §3.3' }, async (t) => {
  const server = await dnsServer(t);
  const runs = await Promise.all(server.plan.scenarios.map((s) => runResolver(t, server, s)));
  for (const run of runs) {
    await expectPrinted(run, {
      hint: `${POINTER_HINT}\nA name inside RDATA (CNAME, NS, MX's EXCHANGE) may point anywhere earlier in the message: decode it\nfrom the whole message, not from the RDATA bytes alone.`,
    });
  }
});
