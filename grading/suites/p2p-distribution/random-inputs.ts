// Random valid inputs for the property cases: every unit, decimals, free riders, one to a billion peers, peers files.
import fc from 'fast-check';
import { RATE_UNITS, SIZE_UNITS } from '../../models/p2p-distribution.ts';
import type { PeersFile, SamePeers, Scenario } from './scenario.ts';

/** A quantity as the grader writes it: a decimal with up to three places, and a unit. */
export interface Written { mantissa: number; decimals: number; unit: string }

/** "12.345MB"; `times` multiplies the number exactly (the same decimal places, a larger mantissa). */
export const format = (quantity: Written, times = 1) => `${(quantity.mantissa * times) / 10 ** quantity.decimals}${quantity.unit}`;

const written = (units: Readonly<Record<string, number>>) => fc.record({
  mantissa: fc.integer({ min: 1, max: 99_999 }),
  decimals: fc.integer({ min: 0, max: 3 }),
  unit: fc.constantFrom(...Object.keys(units)),
});

export const size = written(SIZE_UNITS);
export const rate = written(RATE_UNITS).map((quantity) => format(quantity));
/** A peer's upload: now and then a free rider's 0, in some unit. */
export const upload = fc.oneof({ weight: 1, arbitrary: fc.constantFrom('0', '0kbps', '0MB/s') }, { weight: 5, arbitrary: rate });

const counts = fc.uniqueArray(
  fc.oneof(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 1_000_000_000 })),
  { minLength: 1, maxLength: 5 },
);
const samePeers: fc.Arbitrary<SamePeers> = fc.record({ download: rate, upload, counts });
const peersFile: fc.Arbitrary<PeersFile> = fc.record({
  lines: fc.array(fc.tuple(upload, rate), { minLength: 1, maxLength: 40 }),
  finalNewline: fc.boolean(),
});

/** Any valid input: alike peers with several N, or a peers file. */
export const scenario: fc.Arbitrary<Scenario> = fc.record({ fileSize: size.map((quantity) => format(quantity)), serverUpload: rate, peers: fc.oneof(samePeers, peersFile) });

/**
 * Alike peers with N in increasing order, and a whole factor to multiply the file size by. N = 1 is always among
 * them: there F/d_min decides client-server whenever d < u_s, half the time, so a D_cs without it shows.
 */
export const lawInputs = fc.record({
  fileSize: size,
  serverUpload: rate,
  download: rate,
  upload,
  counts: fc.uniqueArray(fc.integer({ min: 2, max: 1_000_000 }), { minLength: 2, maxLength: 5 }).map((list) => [1, ...list.sort((a, b) => a - b)]),
  factor: fc.integer({ min: 2, max: 9 }),
});
