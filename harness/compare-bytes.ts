// The expected / received block with a caret under the first byte that differs.
import { escapeAround, firstDifference, toBytes } from './escape.ts';

/** Lines showing expected and received bytes, aligned, with a caret at the first difference; [] when equal. */
export function compareBlock(expected: Uint8Array | string, received: Uint8Array | string): string[] {
  const want = toBytes(expected);
  const got = toBytes(received);
  const at = firstDifference(want, got);
  if (at < 0) return [];
  const shownWant = escapeAround(want, at);
  const shownGot = escapeAround(got, at);
  const where = at >= got.length && got.length < want.length
    ? `received only ${got.length} of ${want.length} bytes`
    : `first difference at byte ${at}`;
  return [
    `expected  ${shownWant.text}`,
    `received  ${shownGot.text}`,
    `          ${' '.repeat(shownGot.column)}^ ${where}`,
  ];
}
