// Seeded random mail for the client cases: addresses, subject and body differ with the seed, so that a client with a
// hard-coded dialogue cannot pass, and a failure seen once is seen again with the same --seed.
import type { Random } from '../../../../harness/index.ts';

/** What the client is told to send: its command-line options and its stdin. */
export interface Mail {
  from: string;
  to: string[];
  subject: string;
  body: string;
  helo?: string;
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const WORDS = ['ketchup', 'pickles', 'lunch', 'meeting', 'crepes', 'hamburger', 'socket', 'stream', 'reply', 'tomorrow',
  'noon', 'agenda', 'draft', 'coffee', 'report', 'budget', 'network', 'layer', 'packet', 'router'];

/** A random address such as "qvxt@kdmwe.example" (a reserved domain, RFC 2606). */
export function randomAddress(random: Random): string {
  return `${random.string(random.int(3, 8), LETTERS)}.${random.string(random.int(2, 5), LETTERS)}@${random.string(random.int(3, 8), LETTERS)}.example`;
}

/** A line of random words. */
export function randomSentence(random: Random, words = random.int(3, 9)): string {
  return Array.from({ length: words }, () => random.pick(WORDS)).join(' ');
}

/** A random body of `lines` lines, each ending in "\n" (as a text file on stdin does). */
export function randomBody(random: Random, lines = random.int(2, 6)): string {
  return Array.from({ length: lines }, () => `${randomSentence(random)}\n`).join('');
}

/** A mail to `recipients` random addresses, with a random ASCII subject and body; `extra` overrides any part. */
export function randomMail(random: Random, recipients = 1, extra: Partial<Mail> = {}): Mail {
  return {
    from: randomAddress(random),
    to: Array.from({ length: recipients }, () => randomAddress(random)),
    subject: randomSentence(random, random.int(2, 5)),
    body: randomBody(random),
    ...extra,
  };
}

/** The client's options for a mail, in the order the contract lists them. */
export function mailArgs(mail: Mail): string[] {
  return ['--from', mail.from, ...mail.to.flatMap((to) => ['--to', to]), '--subject', mail.subject, ...(mail.helo ? ['--helo', mail.helo] : [])];
}
