// Seeded inputs: the same seed must give the same bytes, so that a failure seen once can be seen again.
import { describe, expect, test } from 'vitest';
import { Random, caseSeed } from '../random.ts';

const take = (random: Random, n: number) => Array.from({ length: n }, () => random.next());

describe('Random', () => {
  test('the same seed gives the same stream; another seed another one', () => {
    expect(take(new Random(42), 100)).toEqual(take(new Random(42), 100));
    expect(take(new Random(42), 100)).not.toEqual(take(new Random(43), 100));
  });

  test('next() is in [0, 1) and spreads over it', () => {
    const values = take(new Random(7), 10_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const low = values.filter((v) => v < 0.5).length;
    expect(low).toBeGreaterThan(4500);
    expect(low).toBeLessThan(5500);
  });

  test('int(min, max) covers both ends and nothing outside', () => {
    const random = new Random(1);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(3, 7)));
    expect([...seen].sort()).toEqual([3, 4, 5, 6, 7]);
  });

  test('string() has the asked length, from the alphabet, multi-byte characters whole', () => {
    const random = new Random(5);
    const text = random.string(200, 'aß€😀');
    expect([...text]).toHaveLength(200);
    expect([...text].every((c) => 'aß€😀'.includes(c))).toBe(true);
    expect(new Random(5).string(200, 'aß€😀')).toBe(text);
  });

  test('pick() returns items of the list, the same ones for the same seed', () => {
    const items = ['a', 'b', 'c'] as const;
    const picks = (seed: number) => { const r = new Random(seed); return Array.from({ length: 50 }, () => r.pick(items)); };
    expect(picks(9)).toEqual(picks(9));
    expect(new Set(picks(9))).toEqual(new Set(items));
  });
});

describe('caseSeed', () => {
  test('is stable for the same run seed and case id', () => {
    expect(caseSeed(12345, 'server-uppercases')).toBe(caseSeed(12345, 'server-uppercases'));
  });

  test('differs per case id and per run seed', () => {
    const ids = ['a', 'b', 'server-empty-datagram', 'server-largest-datagram', 'client-prints-reply', 'ab', 'ba'];
    expect(new Set(ids.map((id) => caseSeed(1, id))).size).toBe(ids.length);
    expect(caseSeed(1, 'a')).not.toBe(caseSeed(2, 'a'));
  });

  test('gives each case its own stream, so adding a case does not change the others\' inputs', () => {
    const first = take(new Random(caseSeed(99, 'one')), 5);
    expect(take(new Random(caseSeed(99, 'one')), 5)).toEqual(first);
    expect(take(new Random(caseSeed(99, 'two')), 5)).not.toEqual(first);
  });
});
