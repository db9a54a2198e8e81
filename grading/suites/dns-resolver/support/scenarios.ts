// What the grader's DNS server does in each case, built from the case's seeded random stream. The cases and
// `socklab serve dns-resolver --case ID --seed N` use the same builder, so a failure replays against the same server.
import { encodeReply, malformedReply, MALFORMATIONS, readQueryFields, TYPE_CODES, type Datagram, type DnsScript, type Malformation, type PrintedType, type RecordSpec, type ReplySpec } from '../../../../harness/dns/index.ts';
import { scaled, type Random } from '../../../../harness/index.ts';
import { hostName, ipv4, ipv6, label, ttl } from './zone.ts';

/** One run of the resolver: the question it is given, its arguments, the server's script and the reply it must print. */
export interface Scenario {
  name: string;
  type: PrintedType;
  /** Arguments after `--server … --port …`: `--type`, `--timeout`, then the name. */
  args: string[];
  script: DnsScript;
  /** The reply whose JSON the resolver must print (its ID is the query's). */
  reply?: Omit<ReplySpec, 'id'>;
}

const idOf = (query: Buffer) => (query.length >= 2 ? query.readUInt16BE(0) : 0);

/** Answers every query, over UDP and TCP, with `reply` under the query's own ID. */
export const answering = (reply: Omit<ReplySpec, 'id'>, extra: Partial<Datagram> = {}): DnsScript => ({
  udp: (query) => [{ bytes: encodeReply({ ...reply, id: idOf(query) }), ...extra }],
  tcp: (query) => ({ bytes: encodeReply({ ...reply, id: idOf(query), tc: false }) }),
});

/** The --timeout of every case that is not about timeouts (the contract's default is 1000 ms). */
export const PATIENT_TIMEOUT_MS = 5000;

/** A scenario in which the server answers `type` queries for `name` with `answers`. */
export function scenario(name: string, type: PrintedType, answers: RecordSpec[], options: { args?: string[]; reply?: Partial<ReplySpec>; typeOption?: boolean } = {}): Scenario {
  const reply = { question: { name, type }, answers, ...options.reply };
  const typeArgs = type === 'A' && options.typeOption === false ? [] : ['--type', type];
  const args = options.args ?? [];
  // A case about something else gives the resolver a long --timeout: on a busy machine a resolver kept from running
  // for a second would give up on a reply that is already waiting in its socket, and that is not its fault.
  const patience = args.includes('--timeout') ? [] : ['--timeout', String(scaled(PATIENT_TIMEOUT_MS))];
  return { name, type, args: [...typeArgs, ...patience, ...args, name], script: answering(reply), reply };
}

const aRecords = (random: Random, name: string, count: number): RecordSpec[] =>
  Array.from({ length: count }, () => ({ name, type: 'A', ttl: ttl(random), data: ipv4(random) }));

/** A's question with a few addresses: the plain case. */
export function addressScenario(random: Random, options: { typeOption?: boolean; args?: string[] } = {}): Scenario {
  const name = hostName(random);
  return scenario(name, 'A', aRecords(random, name, random.int(1, 3)), options);
}

/** Records of `type` for `name`, seeded: what an answer section of that type holds. */
export function recordsOf(random: Random, name: string, type: PrintedType, zone: string): RecordSpec[] {
  const count = random.int(2, 3);
  switch (type) {
    case 'A': return aRecords(random, name, count);
    case 'AAAA': return Array.from({ length: count }, () => ({ name, type, ttl: ttl(random), data: ipv6(random) }));
    case 'MX': return Array.from({ length: count }, (_, i) => ({ name, type, ttl: ttl(random), data: { preference: 10 * (i + 1) + random.int(0, 9), exchange: `${label(random)}.${zone}` } }));
    case 'NS': return Array.from({ length: count }, () => ({ name, type, ttl: ttl(random), data: `${label(random)}.${zone}` }));
    case 'CNAME': return [{ name, type, ttl: ttl(random), data: `${label(random)}.${zone}` }];
    case 'TXT': return [
      { name, type, ttl: ttl(random), data: Array.from({ length: count }, () => `${label(random)} ${random.string(random.int(0, 12))}`.trim()) },
      { name, type, ttl: ttl(random), data: [`v=${label(random)}`] },
    ];
  }
}

/** The name a CNAME chain starts from, two aliases, then the final records. */
export function cnameChain(random: Random, finalType: PrintedType, compress = false): Scenario {
  const zone = `${label(random)}.test`;
  const names = [`${label(random)}.${zone}`, `${label(random)}.${zone}`, `${label(random)}.${zone}`];
  const answers: RecordSpec[] = [
    { name: names[0], type: 'CNAME', ttl: ttl(random), data: names[1] },
    { name: names[1], type: 'CNAME', ttl: ttl(random), data: names[2] },
    ...recordsOf(random, names[2], finalType, zone),
  ];
  return scenario(names[0], finalType, answers, { reply: { compress } });
}

/** Several scenarios on one server, each answering its own name and type; any other question gets NXDOMAIN. */
export function oneServer(scenarios: Scenario[]): DnsScript {
  const find = (query: Buffer) => {
    const asked = readQueryFields(query);
    const name = asked.labels?.join('.').toLowerCase();
    return scenarios.find((s) => s.name.replace(/\.$/, '').toLowerCase() === name && TYPE_CODES[s.type] === asked.qtype);
  };
  const nxdomain = (query: Buffer): Datagram[] => {
    const asked = readQueryFields(query);
    const type = Object.keys(TYPE_CODES).find((key) => TYPE_CODES[key] === asked.qtype) as PrintedType | undefined;
    if (!asked.labels || !type) return [];
    return [{ bytes: encodeReply({ id: idOf(query), question: { name: asked.labels.join('.'), type }, rcode: 3, aa: true, answers: [] }), label: 'no such name here' }];
  };
  return {
    udp: (query, i) => find(query)?.script.udp(query, i) ?? nxdomain(query),
    tcp: (query, i) => find(query)?.script.tcp?.(query, i),
  };
}

/** `socklab serve dns-resolver`'s zone: a few names of every type, compressed and authoritative as a real server's. */
export function sampleZone(random: Random): Scenario[] {
  const zone = 'example.test';
  const www = `www.${zone}`;
  const auth = { reply: { compress: true, aa: true } };
  const big = truncatedScenario(random, 12, undefined, `big.${zone}`);
  return [
    scenario(www, 'A', [{ name: www, type: 'A', ttl: 3600, data: '192.0.2.7' }, { name: www, type: 'A', ttl: 3600, data: '192.0.2.8' }], auth),
    scenario(www, 'AAAA', [{ name: www, type: 'AAAA', ttl: 3600, data: '2001:db8::7' }], auth),
    scenario(`alias.${zone}`, 'A', [{ name: `alias.${zone}`, type: 'CNAME', ttl: 300, data: www }, { name: www, type: 'A', ttl: 3600, data: '192.0.2.7' }], auth),
    scenario(zone, 'MX', [{ name: zone, type: 'MX', ttl: 3600, data: { preference: 10, exchange: `mail.${zone}` } }, { name: zone, type: 'MX', ttl: 3600, data: { preference: 20, exchange: `backup.${zone}` } }], auth),
    scenario(zone, 'NS', [{ name: zone, type: 'NS', ttl: 86400, data: `ns1.${zone}` }, { name: zone, type: 'NS', ttl: 86400, data: `ns2.${zone}` }], auth),
    scenario(zone, 'TXT', [{ name: zone, type: 'TXT', ttl: 300, data: ['v=spf1 -all'] }, { name: zone, type: 'TXT', ttl: 300, data: ['hello', 'world'] }], auth),
    big,
  ];
}

/** A forged datagram before the real reply: `forge` changes a copy of the reply; the real one follows 150 ms later. */
export function forgedFirst(random: Random, forge: (reply: ReplySpec, query: Buffer) => { bytes: Buffer; fromOtherPort?: boolean; label: string }): Scenario {
  const base = addressScenario(random);
  const decoy = aRecords(random, base.name, 2);
  return {
    ...base,
    script: {
      udp: (query) => {
        const real = { ...base.reply!, id: idOf(query) };
        const forged = forge({ ...real, answers: decoy }, query);
        return [{ ...forged }, { bytes: encodeReply(real), delayMs: 150, label: 'the real reply' }];
      },
    },
  };
}

/** A reply that cannot be read, of the kind named. */
export function malformedScenario(random: Random, kind: Malformation): Scenario {
  const name = hostName(random);
  const address = ipv4(random);
  const seconds = ttl(random);
  return {
    name, type: 'A', args: ['--type', 'A', '--timeout', String(scaled(PATIENT_TIMEOUT_MS)), name],
    script: { udp: (query) => [{ bytes: malformedReply({ id: idOf(query), question: { name, type: 'A' }, answers: [] }, kind, address, seconds), label: MALFORMATIONS[kind] }] },
  };
}

/** A TXT set too big for 512 bytes: the UDP reply is cut (TC, first record only), the TCP reply is whole. */
export function truncatedScenario(random: Random, strings: number, pieceBytes?: number, fixedName?: string): Scenario {
  const name = fixedName ?? hostName(random);
  const answers: RecordSpec[] = Array.from({ length: strings }, () => ({ name, type: 'TXT', ttl: ttl(random), data: [random.string(random.int(40, 60), 'abcdefghijklmnopqrstuvwxyz0123456789 =;')] }));
  const reply = { question: { name, type: 'TXT' as const }, answers };
  return {
    name, type: 'TXT', args: ['--type', 'TXT', '--timeout', String(scaled(PATIENT_TIMEOUT_MS)), name], reply,
    script: {
      udp: (query) => [{ bytes: encodeReply({ ...reply, id: idOf(query), tc: true, answers: answers.slice(0, 1) }), label: 'cut: TC set' }],
      tcp: (query) => ({ bytes: encodeReply({ ...reply, id: idOf(query) }), pieceBytes, pieceGapMs: pieceBytes ? 1 : undefined }),
    },
  };
}

