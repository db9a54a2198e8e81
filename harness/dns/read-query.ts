// The student's query read field by field, tolerant of any bytes: what each byte range means, as RFC 1035 §4.1 names it.
import { RCODE_NAMES, TYPE_CODES } from './reply-spec.ts';

/** The fields of a query, as far as they could be read. */
export interface QueryFields {
  id?: number;
  flags?: number;
  counts?: [number, number, number, number];
  /** The labels of QNAME as sent (an empty label in the middle shows as ""). */
  labels?: string[];
  qtype?: number;
  qclass?: number;
  /** Where the question ended; bytes after it are extra. */
  end?: number;
  /** Why reading stopped early. */
  problem?: string;
}

const TYPE_NAMES = Object.fromEntries(Object.entries(TYPE_CODES).map(([name, code]) => [code, name]));
export const typeName = (code: number) => TYPE_NAMES[code] ?? `TYPE${code}`;
export const className = (code: number) => (code === 1 ? 'IN' : `CLASS${code}`);
export const rcodeName = (code: number) => RCODE_NAMES[code] ?? `RCODE${code}`;

/** Reads a query's header and question; never throws. */
export function readQueryFields(bytes: Uint8Array): QueryFields {
  const message = Buffer.from(bytes);
  const fields: QueryFields = {};
  if (message.length < 12) return { ...fields, problem: `only ${message.length} bytes: a DNS header alone is 12` };
  fields.id = message.readUInt16BE(0);
  fields.flags = message.readUInt16BE(2);
  fields.counts = [4, 6, 8, 10].map((at) => message.readUInt16BE(at)) as QueryFields['counts'];
  const labels: string[] = [];
  let at = 12;
  for (;;) {
    if (at >= message.length) return { ...fields, labels, problem: 'QNAME runs to the end of the message without its 0 byte' };
    const length = message[at];
    if (length === 0) { at += 1; break; }
    if (length > 63) return { ...fields, labels, problem: `byte ${at} is ${length}: a label length is at most 63 (a query has no pointers)` };
    if (at + 1 + length > message.length) return { ...fields, labels, problem: `the label at byte ${at} runs past the end` };
    labels.push(message.toString('latin1', at + 1, at + 1 + length));
    at += 1 + length;
  }
  fields.labels = labels;
  if (at + 4 > message.length) return { ...fields, problem: 'the message ends before QTYPE and QCLASS' };
  fields.qtype = message.readUInt16BE(at);
  fields.qclass = message.readUInt16BE(at + 2);
  fields.end = at + 4;
  return fields;
}

/** The flag bits in dig's notation: "qr aa tc rd ra", then opcode and rcode. */
export function flagWords(flags: number): string {
  const names: Array<[number, string]> = [[0x8000, 'qr'], [0x0400, 'aa'], [0x0200, 'tc'], [0x0100, 'rd'], [0x0080, 'ra']];
  return names.filter(([bit]) => flags & bit).map(([, name]) => name).join(' ') || '(none)';
}

const range = (from: number, to: number) => `bytes ${String(from).padStart(2)}-${String(to).padEnd(3)}`;

/** The query as lines, one per field, with the bytes each came from. */
export function describeQueryFields(bytes: Uint8Array): string[] {
  const f = readQueryFields(bytes);
  const lines: string[] = [];
  if (f.id !== undefined) lines.push(`${range(0, 1)} ID       0x${f.id.toString(16).padStart(4, '0')} (${f.id})`);
  if (f.flags !== undefined) {
    const z = (f.flags >> 4) & 0x7;
    lines.push(`${range(2, 3)} flags    0x${f.flags.toString(16).padStart(4, '0')}: ${flagWords(f.flags)}; opcode ${(f.flags >> 11) & 0xf}, z ${z}, rcode ${f.flags & 0xf}`);
  }
  if (f.counts) ['QDCOUNT', 'ANCOUNT', 'NSCOUNT', 'ARCOUNT'].forEach((name, i) => lines.push(`${range(4 + 2 * i, 5 + 2 * i)} ${name.padEnd(8)} ${f.counts![i]}`));
  if (f.labels) {
    const wire = f.labels.map((label) => `${label.length} ${JSON.stringify(label)}`).join(' ');
    const end = f.end !== undefined ? f.end - 5 : 12 + f.labels.reduce((sum, label) => sum + 1 + label.length, 0);
    lines.push(`${range(12, end)} QNAME    ${wire}${f.end !== undefined ? ' 0' : ''}  (${f.labels.join('.')}.)`);
  }
  if (f.qtype !== undefined && f.end !== undefined) {
    lines.push(`${range(f.end - 4, f.end - 3)} QTYPE    ${f.qtype} (${typeName(f.qtype)})`);
    lines.push(`${range(f.end - 2, f.end - 1)} QCLASS   ${f.qclass} (${className(f.qclass!)})`);
    if (bytes.length > f.end) lines.push(`bytes ${f.end}-${bytes.length - 1}: ${bytes.length - f.end} bytes after the question`);
  }
  if (f.problem) lines.push(`(stops here: ${f.problem})`);
  return lines;
}
