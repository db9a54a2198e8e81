// DNS messages as bytes (RFC 1035 §4.1): the query a stub resolver sends, and the reply it reads back.
//
//   header     ID, flags (QR OPCODE AA TC RD RA Z RCODE), QDCOUNT, ANCOUNT, NSCOUNT, ARCOUNT: six 16-bit numbers
//   question   QNAME (labels), QTYPE, QCLASS
//   answer     NAME, TYPE, CLASS, TTL (32 bits), RDLENGTH, RDATA: one resource record after another
//
// Every number is big-endian ("network order"). Read this file beside RFC 1035 §4.1.1 to §4.1.4.

/** The record types the resolver asks for and prints (RFC 1035 §3.2.2, RFC 3596 §2.1 for AAAA). */
export const TYPES = { A: 1, NS: 2, CNAME: 5, MX: 15, TXT: 16, AAAA: 28 } as const;
export type TypeName = keyof typeof TYPES;
const CLASS_IN = 1;
const RCODES = ['NOERROR', 'FORMERR', 'SERVFAIL', 'NXDOMAIN', 'NOTIMP', 'REFUSED'];

/** A name that cannot be asked (RFC 1035 §2.3.4: labels of 63 bytes, names of 255): a usage error. */
export class BadName extends Error {}
/** A reply that cannot be read: the resolver reports it and gives up. */
export class BadMessage extends Error {}

export interface Header { id: number; qr: boolean; opcode: number; aa: boolean; tc: boolean; rd: boolean; ra: boolean; rcode: number; qdcount: number; ancount: number }
export interface Question { name: string; type: number; class: number }
export type RecordData = string | string[] | { preference: number; exchange: string };
export interface Answer { name: string; type: TypeName; ttl: number; data: RecordData }

/** NAME as labels on the wire: each label its length then its bytes, ended by the root's empty label. */
export function encodeName(name: string): Buffer {
  const text = name.endsWith('.') ? name.slice(0, -1) : name; // "example.com." and "example.com" are one name
  const parts: Buffer[] = [];
  for (const label of text === '' ? [] : text.split('.')) {
    const bytes = Buffer.from(label, 'utf8');
    if (bytes.length === 0) throw new BadName(`"${name}" has an empty label`);
    if (bytes.length > 63) throw new BadName(`a label of "${name}" is ${bytes.length} bytes long; at most 63 are allowed`);
    parts.push(Buffer.from([bytes.length]), bytes);
  }
  parts.push(Buffer.from([0]));
  const wire = Buffer.concat(parts);
  if (wire.length > 255) throw new BadName(`"${name}" is ${wire.length} bytes long on the wire; at most 255 are allowed`);
  return wire;
}

/** The query: a header with RD set and one question, NAME / type / IN. */
export function encodeQuery(id: number, name: string, type: TypeName): Buffer {
  const header = Buffer.alloc(12);
  header.writeUInt16BE(id, 0);
  header.writeUInt16BE(0x0100, 2); // QR=0 (a query), OPCODE=0 (standard), RD=1 (recursion desired)
  header.writeUInt16BE(1, 4); // QDCOUNT: one question; ANCOUNT, NSCOUNT, ARCOUNT stay 0
  const tail = Buffer.alloc(4);
  tail.writeUInt16BE(TYPES[type], 0);
  tail.writeUInt16BE(CLASS_IN, 2);
  return Buffer.concat([header, encodeName(name), tail]);
}

/** A cursor over the message that refuses to read past its end. */
class Reader {
  constructor(readonly message: Buffer, public offset: number) {}
  need(count: number, what: string): void {
    if (this.offset + count > this.message.length) throw new BadMessage(`${what} runs past the end of the message (${this.message.length} bytes)`);
  }
  u16(what: string): number { this.need(2, what); this.offset += 2; return this.message.readUInt16BE(this.offset - 2); }
  u32(what: string): number { this.need(4, what); this.offset += 4; return this.message.readUInt32BE(this.offset - 4); }
  name(): string { const { name, end } = readName(this.message, this.offset); this.offset = end; return name; }
}

/**
 * A name at `offset`, following compression pointers (RFC 1035 §4.1.4): a byte 0b11xxxxxx starts a two-byte pointer
 * to where the rest of the name is. `end` is where the name ends in place (after the first pointer, if any).
 */
export function readName(message: Buffer, offset: number): { name: string; end: number } {
  const labels: string[] = [];
  const visited = new Set<number>();
  let at = offset;
  let end = -1;
  for (;;) {
    if (at >= message.length) throw new BadMessage(`a name at byte ${offset} runs past the end of the message`);
    const length = message[at];
    if (length === 0) break;
    switch (length >> 6) {
      case 0b00: // a label: its length, then its bytes
        if (at + 1 + length > message.length) throw new BadMessage(`a label at byte ${at} runs past the end of the message`);
        labels.push(message.toString('latin1', at + 1, at + 1 + length)); // bytes as they are, case kept
        at += 1 + length;
        break;
      case 0b11: { // a pointer: 14 bits of offset from the start of the message
        if (at + 1 >= message.length) throw new BadMessage(`a pointer at byte ${at} is cut off by the end of the message`);
        const target = ((length & 0x3f) << 8) | message[at + 1];
        if (end < 0) end = at + 2;
        if (target >= message.length) throw new BadMessage(`a pointer at byte ${at} points to byte ${target}, past the end of the message`);
        if (visited.has(target)) throw new BadMessage(`the compression pointers of the name at byte ${offset} loop`);
        visited.add(target);
        at = target;
        break;
      }
      default: // 0b01 and 0b10 are reserved (RFC 1035 §4.1.4; 0b01 was EDNS's extended labels, never deployed)
        throw new BadMessage(`byte ${at} (0x${length.toString(16)}) starts a label of reserved type 0b${(length >> 6).toString(2).padStart(2, '0')}`);
    }
  }
  if (end < 0) end = at + 1;
  return { name: labels.join('.'), end };
}

/** The 12-byte header (RFC 1035 §4.1.1). */
export function readHeader(message: Buffer): Header {
  if (message.length < 12) throw new BadMessage(`a message of ${message.length} bytes has no room for the 12-byte header`);
  const flags = message.readUInt16BE(2);
  return {
    id: message.readUInt16BE(0),
    qr: (flags & 0x8000) !== 0,
    opcode: (flags >> 11) & 0xf,
    aa: (flags & 0x0400) !== 0,
    tc: (flags & 0x0200) !== 0,
    rd: (flags & 0x0100) !== 0,
    ra: (flags & 0x0080) !== 0,
    rcode: flags & 0xf,
    qdcount: message.readUInt16BE(4),
    ancount: message.readUInt16BE(6),
  };
}

/** The question right after the header (RFC 1035 §4.1.2), and where the answers start. */
export function readQuestion(message: Buffer): { question: Question; end: number } {
  const reader = new Reader(message, 12);
  const name = reader.name();
  const type = reader.u16('QTYPE');
  const qclass = reader.u16('QCLASS');
  return { question: { name, type, class: qclass }, end: reader.offset };
}

/** IPv6 text as RFC 5952 §4 says: lowercase hex, no leading zeros, the longest run of two or more zero groups as "::". */
export function formatIpv6(bytes: Buffer): string {
  const groups = Array.from({ length: 8 }, (_, i) => bytes.readUInt16BE(i * 2));
  let best = { start: -1, length: 1 }; // a single zero group is not shortened (§4.2.2)
  for (let i = 0; i < 8; i++) {
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > best.length) best = { start: i, length: j - i }; // the first of equal runs wins (§4.2.3)
    i = j;
  }
  const hex = groups.map((group) => group.toString(16));
  if (best.start < 0) return hex.join(':');
  return `${hex.slice(0, best.start).join(':')}::${hex.slice(best.start + best.length).join(':')}`;
}

/** RDATA of the six types as the resolver prints it; undefined for types it skips. */
function readData(message: Buffer, type: number, start: number, length: number): RecordData | undefined {
  const rdata = message.subarray(start, start + length);
  const nameFilling = (at: number) => {
    const { name, end } = readName(message, at);
    if (end !== start + length) throw new BadMessage(`the name in RDATA at byte ${start} does not fill its RDLENGTH of ${length}`);
    return name;
  };
  switch (type) {
    case TYPES.A:
      if (length !== 4) throw new BadMessage(`an A record has RDLENGTH ${length}; an IPv4 address is 4 bytes`);
      return [...rdata].join('.');
    case TYPES.AAAA:
      if (length !== 16) throw new BadMessage(`an AAAA record has RDLENGTH ${length}; an IPv6 address is 16 bytes`);
      return formatIpv6(rdata);
    case TYPES.CNAME:
    case TYPES.NS:
      return nameFilling(start);
    case TYPES.MX:
      if (length < 3) throw new BadMessage(`an MX record has RDLENGTH ${length}; too short for a preference and a name`);
      return { preference: rdata.readUInt16BE(0), exchange: nameFilling(start + 2) };
    case TYPES.TXT: { // one or more <character-string>s: a length byte, then that many bytes
      const strings: string[] = [];
      for (let at = 0; at < length; at += 1 + rdata[at]) {
        if (at + 1 + rdata[at] > length) throw new BadMessage(`a TXT string at byte ${start + at} runs past its RDATA`);
        strings.push(rdata.toString('utf8', at + 1, at + 1 + rdata[at]));
      }
      return strings;
    }
    default:
      return undefined;
  }
}

const typeName = (code: number) => (Object.keys(TYPES) as TypeName[]).find((name) => TYPES[name] === code);

/** The answer section (RFC 1035 §4.1.3): `count` records from `offset`, keeping those of the six types. */
export function readAnswers(message: Buffer, offset: number, count: number): Answer[] {
  const reader = new Reader(message, offset);
  const answers: Answer[] = [];
  for (let i = 0; i < count; i++) {
    const name = reader.name();
    const type = reader.u16('TYPE');
    reader.u16('CLASS');
    const ttl = reader.u32('TTL'); // unsigned: readUInt32BE, never readInt32BE
    const length = reader.u16('RDLENGTH');
    reader.need(length, `the RDATA of answer ${i + 1} (RDLENGTH ${length})`);
    const data = readData(message, type, reader.offset, length);
    reader.offset += length;
    const known = typeName(type);
    if (known && data !== undefined) answers.push({ name, type: known, ttl, data });
  }
  return answers;
}

/** RCODE as its name (RFC 1035 §4.1.1), or the number for the codes without one here. */
export function rcodeName(rcode: number): string | number {
  return RCODES[rcode] ?? rcode;
}
