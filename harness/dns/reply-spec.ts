// A DNS reply as a case describes it: the header bits that matter to a stub resolver, the question, the answers.
import type { Answer as PacketAnswer, Packet } from 'dns-packet';

/** The six types a resolver prints, and a few it must skip (RFC 1035 §3.2.2). */
export type PrintedType = 'A' | 'AAAA' | 'CNAME' | 'MX' | 'NS' | 'TXT';
export type SkippedType = 'HINFO' | 'SRV' | 'SOA';

export type RecordSpec =
  | { name: string; type: 'A' | 'AAAA' | 'CNAME' | 'NS'; ttl: number; data: string }
  | { name: string; type: 'MX'; ttl: number; data: { preference: number; exchange: string } }
  | { name: string; type: 'TXT'; ttl: number; data: string[] }
  | { name: string; type: 'HINFO'; ttl: number; data: { cpu: string; os: string } }
  | { name: string; type: 'SRV'; ttl: number; data: { priority: number; weight: number; port: number; target: string } };

export interface ReplySpec {
  id: number;
  question: { name: string; type: PrintedType };
  /** RCODE, 0 to 15 (RFC 1035 §4.1.1); default 0, NOERROR. */
  rcode?: number;
  aa?: boolean;
  tc?: boolean;
  /** QR; false makes the message a query, which a resolver must not take for the reply. Default true. */
  qr?: boolean;
  answers: RecordSpec[];
  /** Names compressed with pointers (RFC 1035 §4.1.4), also inside CNAME, NS and MX RDATA. */
  compress?: boolean;
}

export const TYPE_CODES: Record<string, number> = { A: 1, NS: 2, CNAME: 5, SOA: 6, HINFO: 13, MX: 15, TXT: 16, AAAA: 28, SRV: 33 };
export const RCODE_NAMES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

/** The 16 bits after the ID: QR, AA, TC, RD (echoed), RA, RCODE. */
export function replyFlags(spec: ReplySpec): number {
  return (spec.qr === false ? 0 : 0x8000) | (spec.aa ? 0x0400 : 0) | (spec.tc ? 0x0200 : 0) | 0x0100 | 0x0080 | ((spec.rcode ?? 0) & 0xf);
}

/** The spec as a dns-packet Packet (without QR, which dns-packet sets from `type`). */
export function toPacket(spec: ReplySpec): Packet {
  return {
    id: spec.id,
    type: spec.qr === false ? 'query' : 'response',
    flags: replyFlags(spec) & 0x7fff,
    questions: [{ name: spec.question.name, type: spec.question.type, class: 'IN' }],
    // dns-packet turns TXT strings into Buffers in place: it gets copies.
    answers: spec.answers.map((record) => ({ ...structuredClone(record), class: 'IN' }) as PacketAnswer),
  };
}
