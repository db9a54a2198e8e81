// The grader's DNS server for each case, declared once: the cases and `socklab serve dns-resolver --case ID` start
// these. Each is built from the peer's own seeded stream: the names, addresses and TTLs of a run come from here.
import { dnsPlan, encodeReply, MALFORMATIONS, type DnsPeerPlan, type Malformation, type RecordSpec } from '../../../../harness/dns/index.ts';
import type { PeerOptions, PeerTable, Random } from '../../../../harness/index.ts';
import {
  addressScenario, answering, cnameChain, forgedFirst, malformedScenario, oneServer, recordsOf, sampleZone, scenario, truncatedScenario,
  type Scenario,
} from './scenarios.ts';
import { hostName, ipv4, label, mixedCase, otherId, ttl, ttlHigh } from './zone.ts';

/** A case's server: the scenarios its resolver runs ask about (the first is the main one). */
export interface DnsCasePlan extends DnsPeerPlan { scenarios: Scenario[] }

const serve = (about: string, scenarios: Scenario[], options: PeerOptions): DnsCasePlan =>
  ({ ...dnsPlan(about, scenarios.length === 1 ? scenarios[0].script : oneServer(scenarios), options.transcript), scenarios });

const answers = (about: string, build: (random: Random) => Scenario | Scenario[]) =>
  (random: Random, options: PeerOptions) => { const built = build(random); return serve(about, Array.isArray(built) ? built : [built], options); };

/** A name of exactly 255 bytes on the wire, made of 63-byte labels (253 characters). */
const longestName = (random: Random) => [63, 63, 63, 61].map((n) => label(random, n, n)).join('.');

const malformed = Object.fromEntries((Object.keys(MALFORMATIONS) as Malformation[]).map((kind) =>
  [`malformed-${kind}`, answers(`answers with an unreadable reply: ${MALFORMATIONS[kind]}`, (r) => malformedScenario(r, kind))]));

export const peers: PeerTable<DnsCasePlan> = {
  default: 'sample-zone',
  cases: {
    'sample-zone': answers('a sample zone: www.example.test (A, AAAA), alias.example.test (CNAME), example.test (MX, NS, TXT), big.example.test (TXT, cut: TC)', sampleZone),
    'query-header-and-question': answers('answers A queries', (r) => addressScenario(r, { typeOption: false })),
    'query-type-and-class': answers('answers queries of one type', (r) => {
      const type = r.pick(['AAAA', 'MX', 'NS', 'TXT', 'CNAME'] as const);
      const name = hostName(r);
      return scenario(name, type, recordsOf(r, name, type, 'test'));
    }),
    'query-trailing-dot': answers('answers A queries; the resolver is given the name with a trailing dot', (r) => {
      const s = addressScenario(r);
      return { ...s, args: [...s.args.slice(0, -1), `${s.name}.`] };
    }),
    'query-random-id': answers('answers A queries (the resolver runs three times)', (r) => addressScenario(r)),
    'query-label-too-long': answers('would answer, but must not be asked: the name has a 64-byte label', (r) => {
      const name = `${label(r, 64, 64)}.${hostName(r)}`;
      return scenario(name, 'A', recordsOf(r, name, 'A', 'test'));
    }),
    'query-name-too-long': answers('would answer, but must not be asked: the name is over 255 bytes', (r) => {
      const name = [0, 1, 2, 3, 4].map(() => label(r, 50, 60)).join('.');
      return scenario(name, 'A', recordsOf(r, name, 'A', 'test'));
    }),
    'query-longest-name': answers('answers an A query for a name of exactly 255 bytes', (r) => {
      const name = longestName(r);
      return scenario(name, 'A', recordsOf(r, name, 'A', 'test'));
    }),
    'answer-a': answers('answers A queries', (r) => addressScenario(r, { typeOption: false })),
    'answer-aaaa': answers('answers AAAA queries with addresses that have runs of zeros', (r) => {
      const name = hostName(r);
      return scenario(name, 'AAAA', recordsOf(r, name, 'AAAA', 'test'));
    }),
    'answer-cname-chain': answers('answers with two CNAMEs, then A records', (r) => cnameChain(r, 'A')),
    'answer-mx': answers('answers MX queries', (r) => { const name = hostName(r); return scenario(name, 'MX', recordsOf(r, name, 'MX', 'test')); }),
    'answer-ns': answers('answers NS queries', (r) => { const name = `${label(r)}.test`; return scenario(name, 'NS', recordsOf(r, name, 'NS', 'test')); }),
    'answer-txt-strings': answers('answers TXT queries with several strings per record', (r) => { const name = hostName(r); return scenario(name, 'TXT', recordsOf(r, name, 'TXT', 'test')); }),
    'answer-other-types-skipped': answers('answers A queries with HINFO and SRV records among the A records', (r) => {
      const name = hostName(r);
      const [first, second] = recordsOf(r, name, 'A', 'test');
      const mixed: RecordSpec[] = [
        { name, type: 'HINFO', ttl: ttl(r), data: { cpu: label(r), os: label(r) } },
        first,
        { name, type: 'SRV', ttl: ttl(r), data: { priority: 1, weight: 5, port: r.int(1, 65535), target: hostName(r) } },
        second,
      ];
      return scenario(name, 'A', mixed);
    }),
    'answer-ttl-unsigned': answers('answers with a TTL above 2^31', (r) => {
      const name = hostName(r);
      return scenario(name, 'A', [{ name, type: 'A', ttl: ttlHigh(r), data: ipv4(r) }]);
    }),
    'answer-name-case-kept': answers('answers with a CNAME chain whose names are in mixed case', (r) => {
      const s = cnameChain(r, 'A');
      const cased = s.reply!.answers.map((record) =>
        ({ ...record, name: mixedCase(r, record.name), ...(record.type === 'CNAME' ? { data: mixedCase(r, record.data) } : {}) }) as RecordSpec);
      return scenario(s.name, 'A', cased);
    }),
    'rcode-nxdomain': answers('answers NXDOMAIN, authoritatively', (r) => scenario(hostName(r), 'A', [], { reply: { rcode: 3, aa: true } })),
    'rcode-every-name': answers('answers each name with another rcode: FORMERR, SERVFAIL, NOTIMP, REFUSED, and one without a name', (r) =>
      [1, 2, 4, 5, r.pick([6, 7, 8, 9, 10])].map((rcode) => scenario(hostName(r), 'A', [], { reply: { rcode } }))),
    'authoritative-flag': answers('answers with AA set', (r) => {
      const base = addressScenario(r);
      return scenario(base.name, 'A', base.reply!.answers, { reply: { aa: true } });
    }),
    'compression-in-names': answers('answers with compressed owner names', (r) => {
      const zone = `${label(r)}.test`;
      const name = `${label(r)}.${zone}`;
      return scenario(name, 'A', recordsOf(r, name, 'A', zone), { reply: { compress: true } });
    }),
    'compression-in-rdata': answers('answers a CNAME chain, MX and NS queries with names compressed inside RDATA', (r) => {
      const zone = `${label(r)}.test`;
      const mx = `${label(r)}.${zone}`;
      return [
        cnameChain(r, 'A', true),
        scenario(mx, 'MX', recordsOf(r, mx, 'MX', zone), { reply: { compress: true } }),
        scenario(zone, 'NS', recordsOf(r, zone, 'NS', zone), { reply: { compress: true } }),
      ];
    }),
    'ignores-wrong-id': answers('sends a reply with another ID first, the real reply 150 ms later', (r) =>
      forgedFirst(r, (reply) => ({ bytes: encodeReply({ ...reply, id: otherId(r, reply.id) }), label: 'forged: another ID' }))),
    'ignores-wrong-question': answers('sends a reply to another question first, the real reply 150 ms later', (r) => {
      const other = hostName(r);
      return forgedFirst(r, (reply) => ({ bytes: encodeReply({ ...reply, question: { ...reply.question, name: other } }), label: 'forged: another question' }));
    }),
    'ignores-other-port': answers('sends a reply from another port first, the real reply 150 ms later', (r) =>
      forgedFirst(r, (reply) => ({ bytes: encodeReply(reply), fromOtherPort: true, label: 'forged: from another port' }))),
    'ignores-query-message': answers('sends a query (QR = 0) with the same ID and question first, the real reply 150 ms later', (r) =>
      forgedFirst(r, (reply) => ({ bytes: encodeReply({ ...reply, qr: false }), label: 'a query, not a reply' }))),
    'question-any-case': answers('answers with the question\'s name in other letter case', (r) => {
      const base = addressScenario(r);
      const cased = { ...base.reply!, question: { ...base.reply!.question, name: mixedCase(r, base.name) } };
      return { ...base, script: answering(cased), reply: cased };
    }),
    'retry-after-timeout': answers('drops the first two queries, answers the third', (r) => {
      const base = addressScenario(r, { args: ['--timeout', '400'] });
      const answer = answering(base.reply!);
      return { ...base, script: { udp: (query, index) => (index < 2 ? [] : answer.udp(query, index)) } };
    }),
    'give-up-after-three': answers('never answers', (r) => ({ ...addressScenario(r, { args: ['--timeout', '300'] }), script: { udp: () => [] } })),
    'timeout-option-obeyed': answers('answers every query 1300 ms late', (r) => {
      const base = addressScenario(r, { args: ['--timeout', '2500'] });
      return { ...base, script: answering(base.reply!, { delayMs: 1300 }) };
    }),
    'tc-falls-back-to-tcp': answers('cuts the UDP reply (TC set); the whole TXT set over TCP', (r) => truncatedScenario(r, 12)),
    'tcp-length-prefix': answers('cuts the UDP reply (TC set); the whole TXT set over TCP', (r) => truncatedScenario(r, 3)),
    'tcp-reply-in-pieces': answers('cuts the UDP reply (TC set); over TCP the reply comes one byte at a time', (r) => truncatedScenario(r, 2, 1)),
    ...malformed,
  },
};
