// Replies as bytes: dns-packet writes well-formed messages; it never compresses, so compression is built here.
import type * as DnsPacket from 'dns-packet';
import { requireCommonJs } from '../common-js.ts';
import { replyFlags, toPacket, TYPE_CODES, type RecordSpec, type ReplySpec } from './reply-spec.ts';

const dnsPacket = requireCommonJs<typeof DnsPacket>('dns-packet');

/** Names written with pointers to suffixes already in the message (RFC 1035 §4.1.4), exact case kept. */
class NameWriter {
  private readonly seen = new Map<string, number>();

  write(name: string, at: number): Buffer {
    const labels = name.replace(/\.$/, '').split('.').filter((label) => label !== '');
    const parts: Buffer[] = [];
    let offset = at;
    for (let i = 0; i < labels.length; i++) {
      const suffix = labels.slice(i).join('.');
      const earlier = this.seen.get(suffix);
      if (earlier !== undefined) return Buffer.concat([...parts, Buffer.from([0xc0 | (earlier >> 8), earlier & 0xff])]);
      if (offset < 0x4000) this.seen.set(suffix, offset);
      const label = Buffer.from(labels[i], 'latin1');
      parts.push(Buffer.from([label.length]), label);
      offset += 1 + label.length;
    }
    return Buffer.concat([...parts, Buffer.from([0])]);
  }
}

const u16 = (value: number) => { const b = Buffer.alloc(2); b.writeUInt16BE(value); return b; };
const u32 = (value: number) => { const b = Buffer.alloc(4); b.writeUInt32BE(value >>> 0); return b; };

/** RDATA of a record with no name in it, as dns-packet writes it (read back from a one-record message). */
function rdataOf(message: Buffer): Buffer {
  // header (12), the uncompressed name, TYPE CLASS TTL (8), then RDLENGTH and RDATA
  let at = 12;
  while (message[at] !== 0) at += 1 + message[at];
  at += 1 + 8;
  const length = message.readUInt16BE(at);
  return message.subarray(at + 2, at + 2 + length);
}

/** Writes the whole message by hand, compressing every name (also in CNAME, NS, MX and SRV RDATA). */
function encodeCompressed(spec: ReplySpec): Buffer {
  const names = new NameWriter();
  const parts: Buffer[] = [u16(spec.id), u16(replyFlags(spec)), u16(1), u16(spec.answers.length), u16(0), u16(0)];
  let length = 12;
  const push = (bytes: Buffer) => { parts.push(bytes); length += bytes.length; };
  push(names.write(spec.question.name, length));
  push(Buffer.concat([u16(TYPE_CODES[spec.question.type]), u16(1)]));
  for (const record of spec.answers) {
    push(names.write(record.name, length));
    push(Buffer.concat([u16(TYPE_CODES[record.type]), u16(1), u32(record.ttl)]));
    const rdataAt = length + 2;
    let rdata: Buffer;
    if (record.type === 'CNAME' || record.type === 'NS') rdata = names.write(record.data, rdataAt);
    else if (record.type === 'MX') rdata = Buffer.concat([u16(record.data.preference), names.write(record.data.exchange, rdataAt + 2)]);
    else rdata = rdataOf(dnsPacket.encode({ type: 'response', answers: [{ ...structuredClone(record), class: 'IN' } as DnsPacket.Answer] }));
    push(Buffer.concat([u16(rdata.length), rdata]));
  }
  return Buffer.concat(parts);
}

/** The reply's bytes: uncompressed by dns-packet, or compressed when the spec asks for it. */
export function encodeReply(spec: ReplySpec): Buffer {
  if (spec.compress) return encodeCompressed(spec);
  const bytes = dnsPacket.encode(toPacket(spec));
  bytes.writeUInt16BE(replyFlags(spec), 2); // dns-packet sets QR from `type`; keep every other bit as given
  return bytes;
}

/** For DNS over TCP (RFC 1035 §4.2.2): the message after its length as two bytes. */
export function withLengthPrefix(message: Buffer): Buffer {
  return Buffer.concat([u16(message.length), message]);
}
