// A cut reply (TC) is asked again over TCP (RFC 1035 §4.2.2, RFC 7766 §5, §8): the query after a two-byte length,
// and a reply that may come in any number of pieces.
import { exerciseSuite, GradingFailure, timeout } from '../../../harness/index.ts';
import { describeQueryFields, withLengthPrefix } from '../../../harness/dns/index.ts';
import { expectPrinted, runResolver } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'TC: asking again over TCP' });

const TC_HINT = 'TC (bit 0x0200 of the flags) means the reply was cut to fit a datagram: ask again over TCP to the same\n' +
  'address and port (net.connect), the query after its length as two bytes, and read the reply the same way.';

suite.case({ id: 'tc-falls-back-to-tcp', name: 'a reply with TC set: the whole reply is fetched over TCP and printed', points: 2, level: 'rfc', reference: 'RFC 7766 §5; RFC 1035 §4.2.1' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: TC_HINT, hints: { answers: `${TC_HINT}\nThe cut UDP reply held only the first of the records.` } });
});

suite.case({ id: 'tcp-length-prefix', name: 'over TCP the query is sent after its length as two bytes', points: 1, level: 'rfc', reference: 'RFC 1035 §4.2.2; RFC 7766 §8' }, async (t) => {
  const run = await runResolver(t);
  await run.program.waitForExit(timeout('exit'));
  const udp = run.log.udp[0]?.bytes;
  const sent = run.peer.tcp?.connections[0]?.receivedBytes;
  if (!udp || !sent) {
    throw new GradingFailure({
      summary: udp ? 'your resolver did not connect over TCP after a reply with TC set' : 'your resolver sent no query over UDP',
      hint: TC_HINT, repro: run.repro,
    });
  }
  const want = withLengthPrefix(udp);
  if (!sent.subarray(0, want.length).equals(want)) {
    const fields = sent.length >= 2 && sent.readUInt16BE(0) === sent.length - 2 ? sent.subarray(2) : sent;
    throw new GradingFailure({
      summary: 'your resolver\'s query over TCP is not its UDP query after a two-byte length',
      expected: want,
      received: sent,
      details: ['what your resolver sent over TCP, read as a query:', ...describeQueryFields(fields).map((line) => `  ${line}`)],
      hint: `Over TCP a message has no datagram to end it: send its length first as two bytes (big-endian), then\nthe message (the same query as over UDP: same ID, same question).`,
      repro: run.repro,
    });
  }
});

suite.case({ id: 'tcp-reply-in-pieces', name: 'the TCP reply arrives one byte at a time and is read whole', points: 2, level: 'rfc', reference: 'RFC 7766 §8' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hint: 'TCP is a byte stream: one "data" event may hold one byte. Keep what arrives until you have two bytes of\nlength, then until you have that many more; only then decode.',
    withinMs: 6000 + timeout('exit'),
  });
});
