// Replies that cannot be read (RFC 1035 §4.1): each must end the resolver with exit 1 and a message, in bounded time.
import { exerciseSuite, GradingFailure } from '../../../harness/index.ts';
import { MALFORMATIONS, type Malformation } from '../../../harness/dns/index.ts';
import { expectGivesUp, runResolver } from './support/resolver-run.ts';

const suite = exerciseSuite('dns-resolver', { group: 'Unreadable replies' });

const HINTS: Record<Malformation, string> = {
  'pointer-loop': 'Follow a pointer only to a place you have not been (keep a set of offsets), or only backwards, or stop\n' +
    'at 255 bytes of name: a pointer back into the same name would otherwise loop forever.',
  'pointer-to-itself': 'A pointer to itself is a loop: remember the offsets you have jumped to, or accept only pointers to\nearlier bytes.',
  'pointer-past-end': 'Check that a pointer\'s offset is inside the message before reading there.',
  'count-past-end': 'ANCOUNT says how many records follow, but check every read against the message\'s length: a reply\n' +
    'can claim more than it holds. Reading past the end gives undefined in JavaScript and an IndexError in Python.',
  'label-type-01': 'The top two bits of a length byte: 00 a label, 11 a pointer; 01 and 10 are reserved. Refuse them.',
  'label-type-10': 'The top two bits of a length byte: 00 a label, 11 a pointer; 01 and 10 are reserved. Refuse them.',
  'rdlength-past-end': 'Check that RDLENGTH bytes remain in the message before reading the RDATA.',
};

for (const kind of Object.keys(MALFORMATIONS) as Malformation[]) {
  suite.case({ id: `malformed-${kind}`, name: `unreadable reply (${MALFORMATIONS[kind].replace(/ \(RFC.*\)$/, '')}): exit 1 with a message`, points: 1, level: 'rfc', reference: MALFORMATIONS[kind].match(/\((RFC.*)\)$/)?.[1] }, async (t) => {
    const run = await runResolver(t);
    await expectGivesUp(run, `after a reply it cannot read (${MALFORMATIONS[kind]})`, HINTS[kind]);
    if (run.log.udp.length > 1) {
      throw new GradingFailure({
        summary: 'your resolver asked again instead of reporting the reply it could not read',
        hint: `${HINTS[kind]}\nA reply from the server, with your ID and question, that cannot be read is an error: exit 1 at once.`,
        repro: run.repro,
      });
    }
  });
}
