// Which datagram is the reply (RFC 5452 §9.1; RFC 1035 §7.3): from the server's address and port, with the query's
// ID, QR set, and the question asked. A forged datagram comes first; the real reply follows 150 ms later.
import { exerciseSuite } from '../../../harness/index.ts';
import { expectPrinted, runResolver } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'Which datagram is the reply' });

const TOOK_FORGERY = 'Your resolver printed the answers of the forged datagram (the transcript shows it first), not those of\nthe real reply that followed. ';

suite.case({ id: 'ignores-wrong-id', name: 'a reply with another ID is ignored; the real reply is taken', points: 1, level: 'rfc', reference: 'RFC 5452 §9.1; RFC 1035 §7.3' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: `${TOOK_FORGERY}Take a datagram as the reply only if its ID is your query's; keep waiting otherwise.` });
});

suite.case({ id: 'ignores-wrong-question', name: 'a reply to another question is ignored; the real reply is taken', points: 1, level: 'rfc', reference: 'RFC 5452 §9.1' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: `${TOOK_FORGERY}Compare the reply's question with yours (name without regard to case, QTYPE, QCLASS).` });
});

suite.case({ id: 'ignores-other-port', name: 'a reply from another port than the server\'s is ignored', points: 1, level: 'rfc', reference: 'RFC 5452 §9.1' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: `${TOOK_FORGERY}Check the sender of each datagram (rinfo.address and rinfo.port in Node, the address from\nrecvfrom in Python): only --server and --port may answer.` });
});

suite.case({ id: 'ignores-query-message', name: 'a query (QR = 0) with the same ID and question is not taken for the reply', points: 1, level: 'rfc', reference: 'RFC 1035 §4.1.1' }, async (t) => {
  await expectPrinted(await runResolver(t), { hint: `${TOOK_FORGERY}A reply has QR (bit 0x8000 of the flags) set; a message with QR = 0 is a query.` });
});

suite.case({ id: 'question-any-case', name: 'a reply whose question differs only in letter case is the reply', points: 1, level: 'rfc', reference: 'RFC 1035 §2.3.3; RFC 4343' }, async (t) => {
  await expectPrinted(await runResolver(t), {
    hint: 'Servers may echo the question in other letter case (some do it on purpose, "DNS 0x20"): compare names without\nregard to ASCII case.',
    lenient: { questionNameAnyCase: true },
  });
});
