// Any DNS message as one line in dig's notation, for transcripts: `id 0x3d2a NOERROR qr aa rd ra; Q www.example.com. IN A; …`.
import type * as DnsPacket from 'dns-packet';
import { requireCommonJs } from '../common-js.ts';
import { escapeBytes } from '../escape.ts';
import { flagWords, rcodeName } from './read-query.ts';

const dnsPacket = requireCommonJs<typeof DnsPacket>('dns-packet');

function rdataText(answer: DnsPacket.Answer): string {
  const data = (answer as { data?: unknown }).data;
  if (answer.type === 'MX') { const mx = data as DnsPacket.MxData; return `${mx.preference} ${mx.exchange}.`; }
  if (answer.type === 'TXT') return (data as Buffer[]).map((s) => JSON.stringify(Buffer.from(s).toString('utf8'))).join(' ');
  if (answer.type === 'CNAME' || answer.type === 'NS') return `${String(data)}.`;
  if (typeof data === 'string') return data;
  return Buffer.isBuffer(data) ? `\\# ${data.length}` : JSON.stringify(data);
}

/** Skips a name in place (labels up to a 0 byte or a pointer), returning where it ends. */
function skipName(message: Buffer, at: number): number {
  while (at < message.length && message[at] !== 0 && message[at] < 0xc0) at += 1 + message[at];
  return message[at] >= 0xc0 ? at + 2 : at + 1;
}

/** dns-packet trusts RDLENGTH for fixed-size RDATA (an A record reads 4 bytes whatever it says): walk every record. */
function checkRecordsFit(message: Buffer): void {
  let at = 12;
  for (let i = 0; i < message.readUInt16BE(4); i++) at = skipName(message, at) + 4;
  const records = [6, 8, 10].reduce((sum, offset) => sum + message.readUInt16BE(offset), 0);
  for (let i = 0; i < records; i++) {
    at = skipName(message, at) + 8;
    if (at + 2 > message.length) throw new Error(`record ${i + 1} runs past the end of the message`);
    at += 2 + message.readUInt16BE(at);
    if (at > message.length) throw new Error(`the RDATA of record ${i + 1} runs ${at - message.length} bytes past the end of the message`);
  }
}

/** One line for a message; a message dns-packet cannot read is shown as its escaped bytes with the reason. */
export function renderMessage(bytes: Uint8Array): string {
  const buffer = Buffer.from(bytes);
  try {
    const packet = dnsPacket.decode(buffer);
    checkRecordsFit(buffer);
    const flags = buffer.readUInt16BE(2);
    const questions = (packet.questions ?? []).map((q) => `${q.name}. ${q.class} ${q.type}`).join(', ') || '(none)';
    const head = `id 0x${packet.id!.toString(16).padStart(4, '0')} ${flags & 0x8000 ? `reply ${rcodeName(flags & 0xf)}` : 'query'} [${flagWords(flags)}] QUESTION ${questions}`;
    const answers = (packet.answers ?? []).map((a) => `${a.name}. ${(a as { ttl?: number }).ttl ?? 0} IN ${a.type} ${rdataText(a)}`);
    return answers.length > 0 ? `${head}; ANSWER ${answers.join(', ')}` : head;
  } catch (error) {
    return `(not readable as DNS: ${(error as Error).message}) ${escapeBytes(buffer, 120)}`;
  }
}
