// Seeded random names, addresses and TTLs, so that no hard-coded answer can pass and a failure can be replayed.
import type { Random } from '../../../../harness/index.ts';

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** A label of letters and digits that starts with a letter (RFC 1035 §2.3.1's preferred syntax). */
export function label(random: Random, min = 3, max = 10): string {
  return random.string(1, LETTERS) + random.string(random.int(min, max) - 1, `${LETTERS}0123456789`);
}

/** A name under .test (RFC 2606: reserved for testing), of two or three labels. */
export function hostName(random: Random, under?: string): string {
  const labels = Array.from({ length: random.int(1, 2) }, () => label(random));
  return `${labels.join('.')}.${under ?? 'test'}`;
}

/** An IPv4 address from the documentation ranges' neighbours, any byte 0-255 past the first. */
export function ipv4(random: Random): string {
  return [random.int(1, 223), random.int(0, 255), random.int(0, 255), random.int(1, 254)].join('.');
}

/** An IPv6 address with runs of zero groups, so that RFC 5952's "::" rule is exercised (written uncompressed). */
export function ipv6(random: Random): string {
  const groups = Array.from({ length: 8 }, () => (random.int(0, 2) === 0 ? 0 : random.int(1, 0xffff)));
  groups[0] = 0x2001;
  const runAt = random.int(2, 5);
  for (let i = runAt; i < runAt + random.int(2, 3) && i < 8; i++) groups[i] = 0;
  return groups.map((group) => group.toString(16).padStart(4, '0')).join(':');
}

/** A TTL below 2^31 (most answers); `ttlHigh` gives one with the top bit set. */
export const ttl = (random: Random) => random.int(30, 604800);
export const ttlHigh = (random: Random) => random.int(2 ** 31, 2 ** 32 - 1);

/** A 16-bit number other than `not`. */
export function otherId(random: Random, not: number): number {
  return (not + random.int(1, 0xfffe)) & 0xffff;
}

/** Mixed case: the same name with random letters in uppercase (names are case-insensitive, RFC 1035 §2.3.3). */
export function mixedCase(random: Random, name: string): string {
  let out = '';
  for (const char of name) out += /[a-z]/.test(char) && random.int(0, 1) === 1 ? char.toUpperCase() : char;
  return out === name ? name.replace(/[a-z]/, (c) => c.toUpperCase()) : out;
}
