// Replies no resolver can read, as explicit bytes: each breaks one rule of RFC 1035 §4.1, in the answer section.
import { encodeReply } from './encode-reply.ts';
import type { ReplySpec } from './reply-spec.ts';

/** The ways a reply can be unreadable that the contract names. */
export const MALFORMATIONS = {
  'pointer-loop': 'the answer\'s name is a label and a pointer back to that label: a loop (RFC 1035 §4.1.4)',
  'pointer-to-itself': 'the answer\'s name is a pointer to itself (RFC 1035 §4.1.4)',
  'pointer-past-end': 'the answer\'s name is a pointer to a byte past the end of the message (RFC 1035 §4.1.4)',
  'count-past-end': 'ANCOUNT says 3 answers; the message holds 1 (RFC 1035 §4.1.1)',
  'label-type-01': 'the answer\'s name starts with 0x41: a label of the reserved type 0b01 (RFC 1035 §4.1.4, RFC 6891 §5)',
  'label-type-10': 'the answer\'s name starts with 0x81: a label of the reserved type 0b10 (RFC 1035 §4.1.4)',
  'rdlength-past-end': 'the answer\'s RDLENGTH is 40; 4 bytes of RDATA follow before the message ends (RFC 1035 §4.1.3)',
} as const;
export type Malformation = keyof typeof MALFORMATIONS;

const u16 = (value: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(value); return b; };

/** An A reply to `spec`'s question whose one answer record (address `address`, ttl `ttl`) is broken as `kind` says. */
export function malformedReply(spec: ReplySpec, kind: Malformation, address: string, ttl: number): Buffer {
  const head = encodeReply({ ...spec, answers: [], compress: false });
  const at = head.length; // where the answer record starts
  const names: Record<string, Buffer> = {
    'pointer-loop': Buffer.from([1, 0x61, 0xc0 | (at >> 8), at & 0xff]),
    'pointer-to-itself': Buffer.from([0xc0 | (at >> 8), at & 0xff]),
    'pointer-past-end': Buffer.from([0xc0 | ((at + 56) >> 8), (at + 56) & 0xff]), // the message ends at at + 16
    'label-type-01': Buffer.from([0x41, 0x61, 0x00]),
    'label-type-10': Buffer.from([0x81, 0x61, 0x00]),
  };
  const name = names[kind] ?? Buffer.from([0xc0, 12]); // otherwise a good pointer to the question's name
  const ttlBytes = Buffer.alloc(4);
  ttlBytes.writeUInt32BE(ttl >>> 0);
  const rdata = Buffer.from(address.split('.').map(Number));
  const rdlength = kind === 'rdlength-past-end' ? 40 : 4;
  const message = Buffer.concat([head, name, u16(1), u16(1), ttlBytes, u16(rdlength), rdata]);
  message.writeUInt16BE(kind === 'count-past-end' ? 3 : 1, 6);
  return message;
}
