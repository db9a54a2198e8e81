// The answer section as JSON (RFC 1035 §3.2, §3.3, §4.1.3; RFC 3596 §2.2; RFC 5952 §4): every type, every field.
import { exerciseSuite } from '../../../harness/index.ts';
import { expectPrinted, runResolver } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'The answers' });

suite.case({ id: 'answer-a', name: 'an A reply over UDP is printed as the contract\'s JSON', points: 3, level: 'core', reference: 'RFC 1035 §3.4.1, §4.1.3' }, async (t) => {
  await expectPrinted(await runResolver(t), { lenient: { nameWithTrailingDot: false } });
});

suite.case({ id: 'answer-aaaa', name: 'AAAA records are printed as RFC 5952 text (lowercase, "::" for the longest zero run)', points: 2, level: 'rfc', reference: 'RFC 3596 §2.2; RFC 5952 §4' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hints: { 'answers[].data': 'RFC 5952: hex digits in lowercase, no leading zeros in a group, the longest run of two or more zero\n' +
      'groups written "::" (the first such run when two are as long), a single zero group written "0".' },
  });
});

suite.case({ id: 'answer-cname-chain', name: 'a CNAME chain: the CNAME records, then the final A records', points: 2, level: 'rfc', reference: 'RFC 1034 §3.6.2; RFC 1035 §3.3.1' }, async (t) => {
  await expectPrinted(await runResolver(t), { hints: { 'answers[].data': 'A CNAME\'s RDATA is a name (the alias\'s target), decoded like any other name.' }, lenient: { nameWithTrailingDot: false } });
});

suite.case({ id: 'answer-mx', name: 'MX records: {"preference","exchange"}', points: 1, level: 'rfc', reference: 'RFC 1035 §3.3.9' }, async (t) => {
  await expectPrinted(await runResolver(t), { hints: { 'answers[].data': 'MX RDATA is PREFERENCE (16 bits) then EXCHANGE (a name): print {"preference": n, "exchange": "name"}.' }, lenient: { nameWithTrailingDot: false } });
});

suite.case({ id: 'answer-ns', name: 'NS records: the server\'s name', points: 1, level: 'rfc', reference: 'RFC 1035 §3.3.11' }, async (t) => {
  await expectPrinted(await runResolver(t), { hints: { 'answers[].data': 'NS RDATA is one name, the name server\'s.', answers: 'Print the NS records: NS is one of the six types.' } });
});

suite.case({ id: 'answer-txt-strings', name: 'TXT records: an array with one string per character-string', points: 2, level: 'rfc', reference: 'RFC 1035 §3.3.14' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hints: { 'answers[].data': 'TXT RDATA is one or more <character-string>s, each a length byte and that many bytes, until RDLENGTH\n' +
      'is used up. Print them as an array, one string each, without joining them.' },
  });
});

suite.case({ id: 'answer-other-types-skipped', name: 'records of other types (HINFO, SRV) are skipped, the rest kept in order', points: 1, level: 'rfc', reference: 'RFC 1035 §4.1.3' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hint: 'Read past a record of another type by its RDLENGTH, and leave it out of "answers".',
    hints: { answers: 'Read past a record of another type by its RDLENGTH, and leave it out of "answers".', 'answers[].type': 'Leave records of other types out.' },
  });
});

suite.case({ id: 'answer-ttl-unsigned', name: 'a TTL above 2^31 is printed as an unsigned 32-bit number', points: 1, level: 'rfc', reference: 'RFC 1035 §3.2.1, §4.1.3' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hints: { 'answers[].ttl': 'TTL is an unsigned 32-bit number: readUInt32BE, not readInt32BE (which makes it negative above 2^31).\n' +
      '(0 is accepted too: RFC 2181 §8 lets a resolver read a TTL with the top bit set as 0.)' },
    lenient: { ttlTopBitAsZero: true },
  });
});

suite.case({ id: 'answer-name-case-kept', name: 'names are printed with their case as in the message', points: 1, level: 'rfc', reference: 'RFC 1035 §2.3.3; RFC 4343 §2' }, async (t) => {
  await expectPrinted(await runResolver(t), { hints: { 'answers[].name': 'Keep each name\'s case as it came: DNS compares names without regard to case, but keeps it.', 'answers[].data': 'Keep the case of names in RDATA too.' } });
});
