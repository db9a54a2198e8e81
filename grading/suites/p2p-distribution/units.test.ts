// Sizes and rates in every unit the contract lists: bits and bytes, decimal prefixes, K for k, bare numbers.
import { exerciseSuite } from '../../../harness/index.ts';
import { allInOrder } from './all-in-order.ts';
import { expectAnswer } from './expect-answer.ts';
import { RATE_UNITS, SIZE_UNITS } from '../../models/p2p-distribution.ts';

const suite = exerciseSuite('p2p-distribution', { group: 'Units' });

/** `bits` written in `unit` ("12.5MB/s" for 1e8 bit/s): the same quantity in every unit, so any misreading shows. */
const written = (bits: number, unit: string, units: Readonly<Record<string, number>>) => `${bits / units[unit]}${unit}`;

suite.case({ id: 'size-units', level: 'rfc', name: 'sizes in every unit: bit and B, k, K, M, G, bare numbers', points: 2 }, async (t) => {
  // Sizes of 2 to 24 Gbit, against rates that make every term a round number of seconds.
  const sizes = Object.keys(SIZE_UNITS).map((unit, i) => written((i + 2) * 1e9, unit, SIZE_UNITS));
  await allInOrder(sizes.map((fileSize) => expectAnswer(t, {
    fileSize, serverUpload: '100Mbps', peers: { download: '10Mbps', upload: '1Mbps', counts: [1, 1000] },
  })));
});

suite.case({ id: 'rate-units', level: 'rfc', name: 'rates in every unit: bps and B/s, k, K, M, G, bare numbers', points: 2 }, async (t) => {
  // u_s = 100 Mbps is printed back (serverUploadBps); d = 10 Mbps decides N = 1 and u = 1 Mbps decides N = 1000,
  // so a misread unit shows in every role. Each run writes the three rates in three different units.
  const units = Object.keys(RATE_UNITS);
  const unit = (i: number) => units[i % units.length];
  await allInOrder(units.map((_, i) => expectAnswer(t, {
    fileSize: '8Gbit',
    serverUpload: written(100e6, unit(i), RATE_UNITS),
    peers: { download: written(10e6, unit(i + 4), RATE_UNITS), upload: written(1e6, unit(i + 8), RATE_UNITS), counts: [1, 1000] },
  })));
});
