// What the resolver must print for a reply (the contract's JSON), and a field-by-field comparison with what it did print.
import { GradingFailure, type FailureDetails } from '../failure.ts';
import { RCODE_NAMES, type PrintedType, type ReplySpec } from './reply-spec.ts';

export type PrintedData = string | string[] | { preference: number; exchange: string };
export interface PrintedAnswer { name: string; type: PrintedType; ttl: number; data: PrintedData }
export interface PrintedResult { question: { name: string; type: PrintedType }; rcode: string | number; authoritative: boolean; answers: PrintedAnswer[] }

const PRINTED = new Set(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT']);
const bare = (name: string) => name.replace(/\.$/, '');

/** RFC 5952 text of an IPv6 address, by the WHATWG URL serializer (an implementation independent of the solution's). */
export function ipv6Text(address: string): string {
  return new URL(`http://[${address}]/`).hostname.slice(1, -1);
}

/** The JSON the contract requires for `spec`'s reply. */
export function expectedOutput(spec: ReplySpec): PrintedResult {
  const rcode = spec.rcode ?? 0;
  return {
    question: { name: bare(spec.question.name), type: spec.question.type },
    rcode: RCODE_NAMES[rcode] ?? rcode,
    authoritative: spec.aa ?? false,
    answers: spec.answers.filter((record) => PRINTED.has(record.type)).map((record) => {
      const data = record.type === 'AAAA' ? ipv6Text(record.data as string)
        : record.type === 'CNAME' || record.type === 'NS' ? bare(record.data as string)
          : record.type === 'MX' ? { preference: record.data.preference, exchange: bare(record.data.exchange) }
            : record.data;
      return { name: bare(record.name), type: record.type as PrintedType, ttl: record.ttl, data: data as PrintedData };
    }),
  };
}

/** Keys in the contract's order, so that two outputs that differ only in key order are shown alike. */
export function canonicalJson(value: unknown): string {
  const order = ['question', 'name', 'type', 'rcode', 'authoritative', 'answers', 'ttl', 'data', 'preference', 'exchange'];
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort);
    if (item === null || typeof item !== 'object') return item;
    const keys = Object.keys(item).sort((a, b) => (order.indexOf(a) + 1 || 99) - (order.indexOf(b) + 1 || 99));
    return Object.fromEntries(keys.map((key) => [key, sort((item as Record<string, unknown>)[key])]));
  };
  return JSON.stringify(sort(value));
}

export interface Leniency {
  /** The question's name compared without regard to ASCII case (the reply's case or the asked one). */
  questionNameAnyCase?: boolean;
  /** TTLs with the top bit set may print as 0 (RFC 2181 §8 lets a resolver read them so). */
  ttlTopBitAsZero?: boolean;
  /** A name may end with one dot (dig's form): a case about something else than the name's form. */
  nameWithTrailingDot?: boolean;
  /** The rcode may print as its number where the contract names it: a case about something else than the rcode. */
  rcodeAsNumber?: boolean;
}

// Where a name is printed: the question's and each record's owner, an MX exchange, a CNAME or NS target.
const NAME_PATH = /(^question\.name|\.name|\.exchange|\.data)$/;

/** The first place where `got` differs from `want` ("answers[1].ttl"), or undefined when it matches. */
export function firstMismatch(want: unknown, got: unknown, path: string, lenient: Leniency): string | undefined {
  if (path === 'question.name' && lenient.questionNameAnyCase && typeof got === 'string') {
    const printed = lenient.nameWithTrailingDot ? got.replace(/(?<=.)\.$/, '') : got;
    return String(want).toLowerCase() === printed.toLowerCase() ? undefined : path;
  }
  if (lenient.ttlTopBitAsZero && /\.ttl$/.test(path) && Number(want) >= 2 ** 31 && got === 0) return undefined;
  if (lenient.nameWithTrailingDot && NAME_PATH.test(path) && typeof want === 'string' && /[a-z]/i.test(want) && !want.includes(':') &&
    got === `${want}.`) return undefined;
  if (lenient.rcodeAsNumber && path === 'rcode' && typeof got === 'number' && RCODE_NAMES[got] === want) return undefined;
  if (Array.isArray(want)) {
    if (!Array.isArray(got)) return path;
    for (let i = 0; i < Math.max(want.length, got.length); i++) {
      if (i >= want.length || i >= got.length) return `${path}[${i}]`;
      const inner = firstMismatch(want[i], got[i], `${path}[${i}]`, lenient);
      if (inner) return inner;
    }
    return undefined;
  }
  if (want !== null && typeof want === 'object') {
    if (got === null || typeof got !== 'object' || Array.isArray(got)) return path;
    for (const key of Object.keys(want)) {
      const inner = firstMismatch((want as Record<string, unknown>)[key], (got as Record<string, unknown>)[key], path ? `${path}.${key}` : key, lenient);
      if (inner) return inner;
    }
    return undefined;
  }
  return Object.is(want, got) ? undefined : path;
}

const at = (value: unknown, path: string): unknown => path.split(/\.|\[|\]/).filter(Boolean).reduce<unknown>(
  (item, key) => (item !== null && typeof item === 'object' ? (item as Record<string, unknown>)[key] : undefined), value);

/** Parses the program's stdout as one JSON object and compares it with `want`; throws a GradingFailure on a difference. */
export function expectOutput(stdout: Buffer, want: PrintedResult, details: Partial<FailureDetails> & { hints?: Record<string, string> }, lenient: Leniency = {}): void {
  const text = stdout.toString('utf8').trim();
  let got: unknown;
  try {
    got = JSON.parse(text);
  } catch {
    throw new GradingFailure({
      ...details,
      summary: text === '' ? 'your resolver printed nothing on stdout; the contract requires one JSON object'
        : 'your resolver\'s stdout is not one JSON object (JSON.parse fails on it)',
      expected: canonicalJson(want),
      received: stdout,
      hint: 'Print exactly one object with console.log(JSON.stringify(result)); write any diagnostics to stderr.',
    });
  }
  const path = firstMismatch(want, got, '', lenient);
  if (!path) return;
  const shown = (value: unknown) => (value === undefined ? '(missing)' : JSON.stringify(value));
  const field = path.replace(/\[\d+\]$/, '[]').replace(/\[\d+\]/g, '[]');
  throw new GradingFailure({
    ...details,
    summary: `your resolver printed ${path} = ${shown(at(got, path))}; the contract requires ${shown(at(want, path))}`,
    expected: canonicalJson(want),
    received: canonicalJson(got),
    hint: details.hints?.[path] ?? details.hints?.[field] ?? details.hint,
  });
}
