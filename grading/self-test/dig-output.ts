// Reads what `dig +noall +comments +answer` prints into the dns-resolver's JSON, so that a real resolver's reading of
// a server can be compared with the reference resolver's and with the grader's expectations.
import { execa } from 'execa';
import type { PrintedResult } from '../../harness/dns/index.ts';

const PRINTED = new Set(['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT']);
/** The rcodes dig names that the contract prints as numbers (RFC 2136 §2.2, RFC 6895 §2.3). */
const DIG_RCODES: Record<string, number> = { YXDOMAIN: 6, YXRRSET: 7, NXRRSET: 8, NOTAUTH: 9, NOTZONE: 10 };
const bare = (name: string) => name.replace(/\.$/, '');

/** dig's TXT presentation ("one" "two words", with \" \\ and \DDD escapes) as the strings themselves. */
function txtStrings(text: string): string[] {
  return [...text.matchAll(/"((?:[^"\\]|\\.)*)"/g)].map((match) =>
    match[1].replace(/\\(\d{3}|.)/g, (_, escaped: string) => (/^\d{3}$/.test(escaped) ? String.fromCharCode(Number(escaped)) : escaped)));
}

/** dig's output for one question, as the contract's JSON (records of other types left out, as the contract says). */
export function parseDig(output: string, name: string, type: string): PrintedResult {
  const status = /status: (\w+)/.exec(output)?.[1];
  const flags = /;; flags: ([a-z ]*);/.exec(output)?.[1].split(' ') ?? [];
  if (!status) throw new Error(`dig printed no header:\n${output}`);
  const answers = output.split('\n').filter((line) => line !== '' && !line.startsWith(';')).map((line) => {
    const [owner, ttl, , rtype, ...rest] = line.split(/\s+/);
    const text = line.split(/\s+/).slice(4).join(' ');
    const data = rtype === 'TXT' ? txtStrings(line.slice(line.indexOf('"')))
      : rtype === 'MX' ? { preference: Number(rest[0]), exchange: bare(rest[1]) }
        : rtype === 'CNAME' || rtype === 'NS' ? bare(text) : text;
    return { name: bare(owner), type: rtype, ttl: Number(ttl), data };
  }).filter((answer) => PRINTED.has(answer.type));
  const rcode = /^RCODE(\d+)$/.exec(status) ?? (DIG_RCODES[status] !== undefined ? [status, String(DIG_RCODES[status])] : null);
  return {
    question: { name: bare(name), type: type as PrintedResult['question']['type'] },
    rcode: rcode ? Number(rcode[1]) : status,
    authoritative: flags.includes('aa'),
    answers: answers as PrintedResult['answers'],
  };
}

/** Asks with dig as a stub resolver would (no EDNS, so 512-byte UDP and TC as RFC 1035 has them). */
export async function dig(port: number, name: string, type: string, extra: string[] = []): Promise<string> {
  const result = await execa('dig', ['@127.0.0.1', '-p', String(port), '+noedns', '+nocookie', '+noall', '+comments', '+answer',
    '+tries=3', '+time=2', ...extra, name, type], { reject: false, timeout: 30_000 });
  return String(result.stdout);
}
