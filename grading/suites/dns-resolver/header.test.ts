// The reply's header as JSON (RFC 1035 §4.1.1): the rcode by name or number, and the AA flag.
import { exerciseSuite } from '../../../harness/index.ts';
import { expectPrinted, runResolver } from './support/resolver-run.ts';
import { addressScenario, scenario, type Scenario } from './support/scenarios.ts';
import { hostName } from './support/zone.ts';

const suite = exerciseSuite('dns-resolver');

suite.case({ id: 'rcode-nxdomain', name: 'NXDOMAIN with no answers is printed (exit 0), with "answers": []', points: 1, reference: 'RFC 1035 §4.1.1' }, async (t) => {
  const s = scenario(hostName(t.random), 'A', [], { reply: { rcode: 3, aa: true } });
  await expectPrinted(await runResolver(t, s), s, {
    hint: 'An NXDOMAIN reply is a reply: print it with "rcode": "NXDOMAIN" and an empty "answers" array, and exit 0.',
  });
});

suite.case({ id: 'rcode-every-name', name: 'FORMERR, SERVFAIL, NOTIMP, REFUSED by name; other rcodes as numbers', points: 1, reference: 'RFC 1035 §4.1.1' }, async (t) => {
  const rcodes = [1, 2, 4, 5, t.random.pick([6, 7, 8, 9, 10])];
  const scenarios: Scenario[] = rcodes.map((rcode) => scenario(hostName(t.random), 'A', [], { reply: { rcode } }));
  // All at once, each with its own server; the first wrong one (in this order) is the one shown.
  const runs = await Promise.all(scenarios.map((s) => runResolver(t, s)));
  for (const [i, s] of scenarios.entries()) await expectPrinted(runs[i], s, {
    hint: 'RCODE is the low 4 bits of the flags: 1 FORMERR, 2 SERVFAIL, 4 NOTIMP, 5 REFUSED have names; print any\nother code as a JSON number.',
  });
});

suite.case({ id: 'authoritative-flag', name: '"authoritative" is the AA flag of the reply', points: 1, reference: 'RFC 1035 §4.1.1' }, async (t) => {
  const base = addressScenario(t.random);
  const s = scenario(base.name, 'A', base.reply!.answers, { reply: { aa: true } });
  await expectPrinted(await runResolver(t, s), s, { hint: 'AA is bit 0x0400 of the flags word (bytes 2-3): (flags & 0x0400) !== 0.' });
});
