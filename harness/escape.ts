// Shows bytes the way a student can read and retype them: a quoted string with \r, \n and \xNN escapes.

const NAMED: Record<number, string> = { 0x0a: '\\n', 0x0d: '\\r', 0x09: '\\t', 0x22: '\\"', 0x5c: '\\\\', 0x00: '\\0' };

/** One displayed piece of the input: the text shown and how many input bytes it stands for. */
interface Piece { text: string; bytes: number }

/** Splits bytes into displayable pieces: printable ASCII as is, valid UTF-8 characters as themselves, the rest escaped. */
function pieces(bytes: Uint8Array): Piece[] {
  const out: Piece[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    if (NAMED[b] !== undefined) { out.push({ text: NAMED[b], bytes: 1 }); i += 1; continue; }
    if (b >= 0x20 && b < 0x7f) { out.push({ text: String.fromCharCode(b), bytes: 1 }); i += 1; continue; }
    const length = b >= 0xf0 && b < 0xf5 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (length > 0 && i + length <= bytes.length) {
      try {
        const char = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(i, i + length));
        const code = char.codePointAt(0) ?? 0;
        // Invisible or confusable characters (controls, zero-width, bidi) are shown by code point.
        const visible = !/[\p{C}\p{Z}]/u.test(char) || char === ' ';
        out.push({ text: visible ? char : `\\u{${code.toString(16)}}`, bytes: length });
        i += length;
        continue;
      } catch { /* not valid UTF-8: escape the byte below */ }
    }
    out.push({ text: `\\x${b.toString(16).padStart(2, '0')}`, bytes: 1 });
    i += 1;
  }
  return out;
}

export function toBytes(data: Uint8Array | string): Uint8Array {
  return typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
}

/** Escapes bytes as a double-quoted string; long input shows its start and its length. */
export function escapeBytes(data: Uint8Array | string, maxChars = 400): string {
  const bytes = toBytes(data);
  const shown = bytes.length > maxChars * 4 ? bytes.subarray(0, maxChars * 4) : bytes;
  let text = '';
  for (const piece of pieces(shown)) {
    if (text.length >= maxChars) break;
    text += piece.text;
  }
  const whole = text.length < maxChars && shown.length === bytes.length;
  return whole ? `"${text}"` : `"${text}"… (${bytes.length} bytes in all)`;
}

/** The index of the first byte where two byte strings differ, or -1 when they are equal. */
export function firstDifference(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/**
 * Shows a window of bytes around `at` as an escaped string, and the column of `at` inside that string,
 * so that a caret can be put under the byte that differs even in a megabyte of data.
 */
export function escapeAround(data: Uint8Array | string, at: number, context = 60): { text: string; column: number } {
  const bytes = toBytes(data);
  const start = Math.max(0, at - context);
  const end = Math.min(bytes.length, at + context);
  const prefix = start > 0 ? `…(${start} bytes) "` : '"';
  let text = '';
  let column = -1;
  let offset = start;
  for (const piece of pieces(bytes.subarray(start, end))) {
    // The caret goes under the piece that holds byte `at`, even when `at` is inside a multi-byte character.
    if (offset + piece.bytes > at && column < 0) column = prefix.length + text.length;
    text += piece.text;
    offset += piece.bytes;
  }
  if (column < 0) column = prefix.length + text.length; // the difference is past the end: point at the closing quote
  const suffix = end < bytes.length ? `"…(${bytes.length - end} more bytes)` : '"';
  return { text: prefix + text + suffix, column };
}
