// The expected / received block: the caret must stand exactly under the first byte that differs.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { compareBlock } from '../compare-bytes.ts';

/** The block's three lines, and the text of the received line from the caret's column on. */
function block(expected: string | Uint8Array, received: string | Uint8Array) {
  const lines = compareBlock(expected, received);
  expect(lines).toHaveLength(3);
  const [want, got, caret] = lines;
  const column = caret.indexOf('^');
  return { want, got, caret, column, underCaret: got.slice(column) };
}

describe('compareBlock', () => {
  test('equal bytes: no block', () => {
    expect(compareBlock('same', 'same')).toEqual([]);
    expect(compareBlock(new Uint8Array(0), '')).toEqual([]);
  });

  test('a wrong byte: the caret is under it, and the message gives its index', () => {
    const { want, got, caret, underCaret } = block('HELLO\n', 'HELxO\n');
    expect(want).toBe('expected  "HELLO\\n"');
    expect(got).toBe('received  "HELxO\\n"');
    expect(underCaret.startsWith('xO')).toBe(true);
    expect(caret.trim()).toBe('^ first difference at byte 3');
  });

  test('\\n where \\r\\n was expected: the caret is under the \\n escape', () => {
    const { underCaret, caret } = block('OK\r\n', 'OK\n');
    expect(underCaret).toBe('\\n"');
    expect(caret).toContain('first difference at byte 2');
  });

  test('received shorter: the caret is at the closing quote, and it says how much arrived', () => {
    const { got, underCaret, caret } = block('HELLO', 'HEL');
    expect(got).toBe('received  "HEL"');
    expect(underCaret).toBe('"');
    expect(caret).toContain('^ received only 3 of 5 bytes');
  });

  test('received nothing at all', () => {
    const { underCaret, caret } = block('HELLO', '');
    expect(underCaret).toBe('"');
    expect(caret).toContain('received only 0 of 5 bytes');
  });

  test('received longer: the caret is under the first extra byte', () => {
    const { underCaret, caret } = block('HELLO', 'HELLO\n\n');
    expect(underCaret).toBe('\\n\\n"');
    expect(caret).toContain('first difference at byte 5');
  });

  test('multi-byte characters before the difference do not shift the caret', () => {
    const { underCaret } = block('GRÜSSE AUS DER STRASSE', 'GRÜßE AUS DER STRASSE');
    expect(underCaret.startsWith('ßE AUS')).toBe(true);
  });

  test('a difference inside a multi-byte character points at that character', () => {
    const { underCaret } = block('CAFÉ', 'CAFÈ');
    expect(underCaret).toBe('È"');
  });

  test('invalid UTF-8 received: the caret is under the escaped byte', () => {
    const { underCaret } = block('ab', Buffer.from([0x61, 0xff]));
    expect(underCaret).toBe('\\xff"');
  });

  test('deep in a long reply: a window, and the caret still under the byte', () => {
    const expected = 'x'.repeat(100_000);
    const received = `${'x'.repeat(70_000)}Y${'x'.repeat(29_999)}`;
    const { got, underCaret, caret } = block(expected, received);
    expect(got.length).toBeLessThan(200);
    expect(underCaret.startsWith('Y')).toBe(true);
    expect(caret).toContain('first difference at byte 70000');
  });

  test('for any ASCII text and any single changed byte, the caret is under that byte', () => {
    fc.assert(fc.property(
      fc.string({ minLength: 1, maxLength: 200 }).map((s) => s.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, 'a')),
      fc.nat(), (text, n) => {
        const at = n % text.length;
        const changed = text.slice(0, at) + (text[at] === 'Z' ? 'Q' : 'Z') + text.slice(at + 1);
        const { underCaret } = block(text, changed);
        expect(underCaret[0]).toBe(changed[at]);
      }));
  });
});
