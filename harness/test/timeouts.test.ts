// One setting scales every wait of the kit, and a bad value is refused rather than silently ignored.
import { afterEach, describe, expect, test } from 'vitest';
import { scaled, timeout, timeoutScale } from '../timeouts.ts';

const saved = process.env.SOCKLAB_TIMEOUT_SCALE;
afterEach(() => {
  if (saved === undefined) delete process.env.SOCKLAB_TIMEOUT_SCALE;
  else process.env.SOCKLAB_TIMEOUT_SCALE = saved;
});

describe('timeoutScale', () => {
  test('is 1 when unset or empty', () => {
    expect(timeoutScale({})).toBe(1);
    expect(timeoutScale({ SOCKLAB_TIMEOUT_SCALE: '' })).toBe(1);
  });

  test('reads a positive number', () => {
    expect(timeoutScale({ SOCKLAB_TIMEOUT_SCALE: '2.5' })).toBe(2.5);
    expect(timeoutScale({ SOCKLAB_TIMEOUT_SCALE: '0.5' })).toBe(0.5);
  });

  test.each(['0', '-1', 'fast', 'Infinity', 'NaN'])('refuses %s, naming the variable and the value', (value) => {
    expect(() => timeoutScale({ SOCKLAB_TIMEOUT_SCALE: value })).toThrow(`SOCKLAB_TIMEOUT_SCALE must be a positive number, got "${value}"`);
  });
});

describe('timeout and scaled', () => {
  test('multiply every named wait and every case delay by the scale', () => {
    process.env.SOCKLAB_TIMEOUT_SCALE = '1';
    const base = { startup: timeout('startup'), reply: timeout('reply'), stopGrace: timeout('stopGrace'), case: timeout('case') };
    expect(base.startup).toBeGreaterThan(0);
    process.env.SOCKLAB_TIMEOUT_SCALE = '3';
    expect(timeout('startup')).toBe(base.startup * 3);
    expect(timeout('reply')).toBe(base.reply * 3);
    expect(timeout('stopGrace')).toBe(base.stopGrace * 3);
    expect(timeout('case')).toBe(base.case * 3);
    expect(scaled(150)).toBe(450);
  });

  test('round to whole milliseconds', () => {
    process.env.SOCKLAB_TIMEOUT_SCALE = '0.333';
    expect(Number.isInteger(timeout('quiet'))).toBe(true);
    expect(scaled(10)).toBe(3);
  });

  test('the waits keep their order: a reply comes within a startup, a startup within a case', () => {
    process.env.SOCKLAB_TIMEOUT_SCALE = '1';
    expect(timeout('quiet')).toBeLessThan(timeout('reply'));
    expect(timeout('reply')).toBeLessThan(timeout('startup'));
    expect(timeout('startup')).toBeLessThan(timeout('case'));
  });
});
