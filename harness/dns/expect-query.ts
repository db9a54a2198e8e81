// Judges the resolver's query byte by byte against the one the contract describes, keeping the resolver's own ID.
import { GradingFailure, type FailureDetails } from '../failure.ts';
import { TYPE_CODES, type PrintedType } from './reply-spec.ts';
import { describeQueryFields } from './read-query.ts';

/** The query the contract requires (RFC 1035 §4.1.1-2): `id`, RD only, one question name/type/IN. */
export function expectedQuery(id: number, name: string, type: PrintedType, extraFlags = 0): Buffer {
  const labels = name.replace(/\.$/, '').split('.').map((text) => Buffer.from(text, 'latin1'));
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100 | extraFlags, 2);
  header.writeUInt16BE(1, 4);
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(TYPE_CODES[type], 0);
  tail.writeUInt16BE(1, 2);
  return Buffer.concat([header, ...labels.flatMap((label) => [Buffer.from([label.length]), label]), Buffer.from([0]), tail]);
}

/** What to say about the first wrong byte, by the field it falls in. */
function hintAt(at: number, want: Buffer): string {
  const qnameEnd = want.length - 4;
  if (at < 2) return 'The ID is yours to choose; only its two bytes must be there.';
  if (at < 4) return 'The flags of a query are 0x0100: QR=0 (a query), OPCODE=0, and only RD (recursion desired) set.\n' +
    'In Node: header.writeUInt16BE(0x0100, 2).';
  if (at < 12) return 'The counts: QDCOUNT=1 (one question), ANCOUNT=NSCOUNT=ARCOUNT=0, each a 16-bit big-endian number.';
  if (at < qnameEnd) return 'QNAME is the name as labels: each label\'s length as one byte, then its bytes, and a 0 byte at the\n' +
    'end ("www.example.com" → 3 www 7 example 3 com 0). A trailing dot in the name adds no label of its own; the\n' +
    'case of the letters is sent as given.';
  if (at < qnameEnd + 2) return 'QTYPE is the type\'s number, 16 bits: A=1, NS=2, CNAME=5, MX=15, TXT=16, AAAA=28 (RFC 3596).';
  if (at < qnameEnd + 4) return 'QCLASS is 1 (IN, the Internet), 16 bits, after QTYPE.';
  return 'The query ends after QCLASS: send only the header and the one question.';
}

/** Fails unless `sent` is the query for name/type with any ID (and the AD or CD bit, which RFC 6840 lets a stub set). */
export function expectQuery(sent: Buffer, name: string, type: PrintedType, details: Partial<FailureDetails> = {}): void {
  const id = sent.length >= 2 ? sent.readUInt16BE(0) : 0;
  const optional = sent.length >= 4 ? sent.readUInt16BE(2) & 0x0030 : 0;
  const want = expectedQuery(id, name, type, optional);
  if (want.equals(sent)) return;
  let at = 0;
  while (at < Math.min(want.length, sent.length) && want[at] === sent[at]) at++;
  throw new GradingFailure({
    summary: `your resolver's query for ${name} ${type} is not the one RFC 1035 §4.1 describes (first wrong byte: ${at})`,
    hint: hintAt(at, want),
    ...details,
    expected: want,
    received: sent,
    details: ['your query, field by field:', ...describeQueryFields(sent).map((line) => `  ${line}`), ...(details.details ?? [])],
  });
}
