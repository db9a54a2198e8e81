// How bytes are shown to a student: escaped so that every byte can be read and retyped, and a window around the
// first difference whose column is exactly where the caret must go.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { escapeAround, escapeBytes, firstDifference } from '../escape.ts';

const bytes = (...values: number[]) => Uint8Array.from(values);

describe('escapeBytes', () => {
  test.each([
    ['plain ASCII', 'hello, world 42!', '"hello, world 42!"'],
    ['CR LF, tab, quote, backslash', 'a\r\nb\t"c"\\', '"a\\r\\nb\\t\\"c\\"\\\\"'],
    ['NUL and other controls', '\0\x01\x7f', '"\\0\\x01\\x7f"'],
    ['two-, three- and four-byte UTF-8 as themselves', 'straße € 😀', '"straße € 😀"'],
    ['invisible characters by code point', 'a\u200bb\u202ec\u00a0', '"a\\u{200b}b\\u{202e}c\\u{a0}"'],
    ['the empty string', '', '""'],
  ])('%s', (_, input, shown) => {
    expect(escapeBytes(input)).toBe(shown);
  });

  test('invalid UTF-8 is shown byte by byte: stray continuation, truncated sequence, overlong, 0xff', () => {
    expect(escapeBytes(bytes(0x80, 0x41))).toBe('"\\x80A"');
    expect(escapeBytes(bytes(0xc3))).toBe('"\\xc3"');
    expect(escapeBytes(bytes(0xe2, 0x82, 0x41))).toBe('"\\xe2\\x82A"');
    expect(escapeBytes(bytes(0xc0, 0xaf))).toBe('"\\xc0\\xaf"');
    expect(escapeBytes(bytes(0xff, 0xfe, 0x00))).toBe('"\\xff\\xfe\\0"');
  });

  test('long input shows its start and its length, within the limit', () => {
    const shown = escapeBytes('a'.repeat(1000), 50);
    expect(shown).toBe(`"${'a'.repeat(50)}"… (1000 bytes in all)`);
    const huge = escapeBytes(new Uint8Array(1_000_000).fill(0xff), 100);
    expect(huge.endsWith('… (1000000 bytes in all)')).toBe(true);
    expect(huge.length).toBeLessThan(200);
  });
});

describe('firstDifference', () => {
  test.each([
    ['equal', 'abc', 'abc', -1],
    ['both empty', '', '', -1],
    ['differ in the middle', 'abcd', 'abXd', 2],
    ['differ at once', 'abc', 'xbc', 0],
    ['received shorter', 'abcd', 'ab', 2],
    ['received longer', 'ab', 'abcd', 2],
    ['\\r\\n against \\n', 'a\r\n', 'a\n', 1],
  ])('%s', (_, a, b, at) => {
    expect(firstDifference(Buffer.from(a), Buffer.from(b))).toBe(at);
  });

  test('is the first index where the bytes differ, for any bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 64 }), fc.uint8Array({ maxLength: 64 }), (a, b) => {
      const at = firstDifference(a, b);
      if (at === -1) {
        expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
      } else {
        expect(Buffer.from(a.subarray(0, at)).equals(Buffer.from(b.subarray(0, at)))).toBe(true);
        expect(at === a.length || at === b.length || a[at] !== b[at]).toBe(true);
      }
    }));
  });
});

describe('escapeAround', () => {
  test('short input: the whole string, the column at the byte', () => {
    const { text, column } = escapeAround('HELxO', 3);
    expect(text).toBe('"HELxO"');
    expect(text[column]).toBe('x');
  });

  test('\\r\\n: the column is at the start of the escape', () => {
    const { text, column } = escapeAround('line\r\n', 4);
    expect(text).toBe('"line\\r\\n"');
    expect(text.slice(column)).toBe('\\r\\n"');
  });

  test('multi-byte: a difference inside a character points at that character', () => {
    // "É" is C3 89 and "È" is C3 88: they first differ at byte 1, the second byte of the first character.
    const { text, column } = escapeAround('xÈy', 2);
    expect(text).toBe('"xÈy"');
    expect(text[column]).toBe('È');
    expect(escapeAround('😀!', 4).text[escapeAround('😀!', 4).column]).toBe('!');
  });

  test('past the end: the column is at the closing quote', () => {
    const { text, column } = escapeAround('abc', 3);
    expect(text).toBe('"abc"');
    expect(column).toBe(4);
  });

  test('long input: a window around the byte, with the bytes left out counted on each side', () => {
    const data = Buffer.alloc(10_000, 'a');
    data[5000] = 'Z'.charCodeAt(0);
    const { text, column } = escapeAround(data, 5000, 60);
    expect(text).toBe(`…(4940 bytes) "${'a'.repeat(60)}Z${'a'.repeat(59)}"…(4940 more bytes)`);
    expect(text[column]).toBe('Z');
  });

  test('for any printable ASCII, the column holds the byte at the difference', () => {
    fc.assert(fc.property(fc.string({ minLength: 1, maxLength: 300 }), fc.nat(), (ascii, n) => {
      const printable = ascii.replace(/[^\x20-\x21\x23-\x5b\x5d-\x7e]/g, 'x');
      const at = n % printable.length;
      const { text, column } = escapeAround(printable, at);
      expect(text[column]).toBe(printable[at]);
    }));
  });
});
