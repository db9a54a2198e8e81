// The grader's DNS replies: compression that dns-packet reads back, malformed replies that no decoder can read,
// the field-by-field view of a query, and the comparison of a resolver's JSON.
import dnsPacket from 'dns-packet';
import { describe, expect, test } from 'vitest';
import { GradingFailure } from '../failure.ts';
import {
  describeQueryFields, encodeReply, expectedQuery, expectOutput, expectedOutput, expectQuery, ipv6Text, malformedReply, MALFORMATIONS,
  renderMessage, type Malformation, type ReplySpec,
} from '../dns/index.ts';

const spec: ReplySpec = {
  id: 0x3d2a,
  question: { name: 'www.Example.test', type: 'A' },
  aa: true,
  answers: [
    { name: 'www.Example.test', type: 'CNAME', ttl: 300, data: 'web.Example.test' },
    { name: 'web.Example.test', type: 'A', ttl: 2 ** 32 - 1, data: '192.0.2.7' },
    { name: 'Example.test', type: 'MX', ttl: 60, data: { preference: 10, exchange: 'mail.Example.test' } },
    { name: 'Example.test', type: 'NS', ttl: 60, data: 'ns1.Example.test' },
    { name: 'Example.test', type: 'TXT', ttl: 60, data: ['one', 'two words'] },
    { name: 'Example.test', type: 'HINFO', ttl: 60, data: { cpu: 'x', os: 'y' } },
  ],
};

describe('encodeReply', () => {
  test('a compressed reply reads back the same as the plain one, and is shorter', () => {
    const plain = encodeReply(spec);
    const compressed = encodeReply({ ...spec, compress: true });
    expect(compressed.length).toBeLessThan(plain.length);
    const strip = (packet: dnsPacket.DecodedPacket) => ({ ...packet, flags: packet.flags, answers: packet.answers });
    expect(strip(dnsPacket.decode(compressed))).toEqual(strip(dnsPacket.decode(plain)));
  });

  test('names inside CNAME, NS and MX RDATA are compressed', () => {
    const compressed = encodeReply({ ...spec, compress: true });
    const decoded = dnsPacket.decode(compressed);
    expect(decoded.answers?.map((a) => (a as { data: unknown }).data).slice(0, 4)).toEqual(
      ['web.Example.test', '192.0.2.7', { preference: 10, exchange: 'mail.Example.test' }, 'ns1.Example.test']);
    // The CNAME's RDATA "web" + pointer: 4 + 2 bytes rather than the whole name.
    const cname = compressed.indexOf(Buffer.from([0, 5, 0, 1]), 12);
    expect(compressed.readUInt16BE(cname + 8)).toBe(6);
  });

  test('the header bits are as the spec says', () => {
    const bytes = encodeReply({ ...spec, rcode: 3, tc: true, aa: false });
    expect(bytes.readUInt16BE(2)).toBe(0x8000 | 0x0200 | 0x0100 | 0x0080 | 3);
    expect(encodeReply({ ...spec, qr: false }).readUInt16BE(2) & 0x8000).toBe(0);
  });
});

describe('malformedReply', () => {
  for (const kind of Object.keys(MALFORMATIONS) as Malformation[]) {
    test(`${kind}: the transcript cannot read it`, () => {
      const bytes = malformedReply({ ...spec, answers: [] }, kind, '192.0.2.1', 60);
      expect(renderMessage(bytes)).toMatch(/^\(not readable as DNS/);
    });
  }

  test('the same reply unbroken is readable (only the named part is broken)', () => {
    const good = malformedReply({ ...spec, answers: [] }, 'good' as Malformation, '192.0.2.1', 60);
    expect(dnsPacket.decode(good).answers?.[0]).toMatchObject({ name: 'www.Example.test', data: '192.0.2.1', ttl: 60 });
  });
});

describe('the query, field by field', () => {
  const query = expectedQuery(0x3d2a, 'www.example.com', 'A');

  test('is the bytes of a real query', () => {
    expect(query.toString('hex')).toBe('3d2a01000001000000000000037777770765786d616d706c6503636f6d0000010001'.replace('65786d', '6578'));
  });

  test('each field is named with its bytes', () => {
    const lines = describeQueryFields(query);
    expect(lines[0]).toMatch(/bytes  0-1 +ID +0x3d2a \(15658\)/);
    expect(lines[1]).toMatch(/flags +0x0100: rd;/);
    expect(lines.find((line) => line.includes('QNAME'))).toContain('3 "www" 7 "example" 3 "com" 0  (www.example.com.)');
    expect(lines.at(-1)).toMatch(/QCLASS +1 \(IN\)/);
  });

  test('a broken query is read as far as it goes', () => {
    expect(describeQueryFields(query.subarray(0, 20)).at(-1)).toMatch(/stops here/);
    expect(describeQueryFields(Buffer.from([1, 2, 3]))).toEqual(['(stops here: only 3 bytes: a DNS header alone is 12)']);
  });

  test('expectQuery accepts any ID and the AD bit, and puts the caret on RD', () => {
    expect(() => expectQuery(expectedQuery(7, 'a.test', 'MX', 0x20), 'a.test.', 'MX')).not.toThrow();
    const noRd = Buffer.from(query);
    noRd.writeUInt16BE(0, 2);
    try {
      expectQuery(noRd, 'www.example.com', 'A');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(GradingFailure);
      expect((error as GradingFailure).details.summary).toContain('first wrong byte: 2');
      expect((error as GradingFailure).details.hint).toContain('RD');
    }
  });
});

describe('the resolver\'s JSON', () => {
  const want = expectedOutput(spec);

  test('the expected output skips other types and strips trailing dots', () => {
    expect(want.answers.map((a) => a.type)).toEqual(['CNAME', 'A', 'MX', 'NS', 'TXT']);
    expect(want).toMatchObject({ question: { name: 'www.Example.test', type: 'A' }, rcode: 'NOERROR', authoritative: true });
  });

  test('key order and pretty printing do not matter', () => {
    const reordered = { answers: want.answers, authoritative: true, rcode: 'NOERROR', question: { type: 'A', name: 'www.Example.test' } };
    expect(() => expectOutput(Buffer.from(JSON.stringify(reordered, null, 2)), want, {})).not.toThrow();
  });

  test('the first wrong field is named', () => {
    const wrong = structuredClone(want);
    wrong.answers[1].ttl = -1;
    expect(() => expectOutput(Buffer.from(JSON.stringify(wrong)), want, {})).toThrow(/answers\[1\]\.ttl = -1; the contract requires 4294967295/);
    wrong.answers[1].ttl = 0;
    expect(() => expectOutput(Buffer.from(JSON.stringify(wrong)), want, {}, { ttlTopBitAsZero: true })).not.toThrow();
  });

  test('IPv6 text is RFC 5952\'s', () => {
    expect(ipv6Text('2001:0DB8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(ipv6Text('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(ipv6Text('0:0:0:0:0:0:0:0')).toBe('::');
  });
});
