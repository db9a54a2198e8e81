// DNS messages as bytes (RFC 1035 §4.1): the query your resolver sends, and the reply it reads back. Your task, with
// resolve.ts. Read README.md first: it shows the layout of both messages and the bytes of a real query and reply.
//
//   header     ID, flags (QR OPCODE AA TC RD RA Z RCODE), QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT: six 16-bit numbers
//   question   QNAME (labels), QTYPE, QCLASS
//   answer     NAME, TYPE, CLASS, TTL (32 bits), RDLENGTH, RDATA: one resource record after another
//
// Every number is big-endian: buffer.writeUInt16BE / readUInt16BE / readUInt32BE.

/** The record types the resolver asks for and prints (RFC 1035 §3.2.2, RFC 3596 §2.1 for AAAA). */
export const TYPES = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28 } as const;
export type TypeName = keyof typeof TYPES;

/** A name that cannot be asked (a label over 63 bytes, a name over 255): resolve.ts exits 2 for it. */
export class BadName extends Error {}
/** A reply that cannot be read (a pointer loop, a count past the end…): resolve.ts exits 1 for it. */
export class BadMessage extends Error {}

export type RecordData = string | string[] | { preference: number; exchange: string };
export interface Answer { name: string; type: TypeName; ttl: number; data: RecordData }

const notYet = (what: string): never => { throw new Error(`${what}: not written yet (see README.md)`); };

// TODO 1: the query (RFC 1035 §4.1.1, §4.1.2). A 12-byte header: the ID, the flags 0x0100 (only RD set), QDCOUNT 1,
//         the three other counts 0. Then the question: the name as labels (3 w w w 7 e x a m p l e 3 c o m 0, with no
//         label for a trailing dot), QTYPE (TYPES[type]) and QCLASS 1 (IN). Throw BadName for a label over 63 bytes
//         or a name over 255 bytes on the wire.
export function encodeQuery(id: number, name: string, type: TypeName): Buffer {
  void id; void name; void type;
  return notYet('encodeQuery');
}

// TODO 2: a name at `offset` of a message (RFC 1035 §4.1.4). A length byte 0b00xxxxxx starts a label; 0 ends the
//         name; 0b11xxxxxx starts a two-byte pointer: the low 14 bits are the offset where the rest of the name is.
//         Return the name (labels joined by ".", case kept) and where it ends in place (after the first pointer).
//         Throw BadMessage for a pointer loop, for anything past the end, and for the reserved types 0b01 and 0b10.
export function readName(message: Buffer, offset: number): { name: string; end: number } {
  void message; void offset;
  return notYet('readName');
}

// TODO 3: the answer section (RFC 1035 §4.1.3): `count` records from `offset`. Each is NAME, TYPE, CLASS, TTL (an
//         unsigned 32-bit number), RDLENGTH and RDLENGTH bytes of RDATA. Keep the records of the six types, with
//         `data` as README.md says (A: "192.0.2.1"; AAAA: RFC 5952 text; CNAME, NS: a name; MX: {preference,
//         exchange}; TXT: an array of strings), and skip the others. Throw BadMessage for anything past the end.
export function readAnswers(message: Buffer, offset: number, count: number): Answer[] {
  void message; void offset; void count;
  return notYet('readAnswers');
}
