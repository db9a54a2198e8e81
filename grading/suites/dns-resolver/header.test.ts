// The reply's header as JSON (RFC 1035 §4.1.1): the rcode by name or number, and the AA flag.
import { exerciseSuite } from '../../../harness/index.ts';
import { dnsServer, expectPrinted, runResolver } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: "The reply's header" });

suite.case({ id: 'rcode-nxdomain', name: 'NXDOMAIN with no answers is printed (exit 0), with "answers": []', points: 1, level: 'rfc', reference: 'RFC 1035 §4.1.1' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hint: 'An NXDOMAIN reply is a reply: print it with "rcode": "NXDOMAIN" and an empty "answers" array, and exit 0.',
    lenient: { rcodeAsNumber: false },
  });
});

suite.case({ id: 'rcode-every-name', name: 'FORMERR, SERVFAIL, NOTIMP, REFUSED by name; other rcodes as numbers', points: 1, level: 'rfc', reference: 'RFC 1035 §4.1.1' }, async (t) => {
  const server = await dnsServer(t);
  // All at once against one server (a name per rcode); the first wrong one, in this order, is the one shown.
  const runs = await Promise.all(server.plan.scenarios.map((s) => runResolver(t, server, s)));
  for (const run of runs) await expectPrinted(run, {
    hint: 'RCODE is the low 4 bits of the flags: 1 FORMERR, 2 SERVFAIL, 4 NOTIMP, 5 REFUSED have names; print any\nother code as a JSON number.',
    lenient: { rcodeAsNumber: false },
  });
});

suite.case({ id: 'authoritative-flag', name: '"authoritative" is the AA flag of the reply', points: 1, level: 'rfc', reference: 'RFC 1035 §4.1.1' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: 'AA is bit 0x0400 of the flags word (bytes 2-3): (flags & 0x0400) !== 0.' });
});
