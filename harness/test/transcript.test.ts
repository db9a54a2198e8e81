// The transcript in the textbook's notation: who said what, in order, readable whatever the bytes were.
import { describe, expect, test } from 'vitest';
import { Transcript } from '../transcript.ts';

/** The lines without their millisecond stamps. */
const unstamped = (transcript: Transcript) => transcript.lines().map((line) => line.replace(/^ *\d+ms {2}/, ''));

describe('Transcript', () => {
  test('text lines as they are, C: and S: in order, notes marked --, the legend first', () => {
    const t = new Transcript();
    t.legend = 'C: the grader, S: your server';
    t.note('connected to 127.0.0.1:9999');
    t.data('C', 'HELO crepes.fr\n');
    t.data('S', '250 Hello crepes.fr\n');
    expect(unstamped(t)).toEqual([
      'C: the grader, S: your server',
      '-- connected to 127.0.0.1:9999',
      'C: HELO crepes.fr',
      'S: 250 Hello crepes.fr',
    ]);
  });

  test('every line is stamped with the milliseconds since the case began', () => {
    const t = new Transcript();
    t.data('C', 'x\n');
    expect(t.lines()[0]).toMatch(/^ *\d+ms {2}C: x$/);
  });

  test('one chunk of several lines gives one entry per line; a label prefixes each', () => {
    const t = new Transcript();
    t.data('S', 'one\ntwo\n', '[client 2] ');
    expect(unstamped(t)).toEqual(['S: [client 2] one', 'S: [client 2] two']);
  });

  test('CR is shown as \\r, so \\r\\n can be told from \\n and a terminal is not garbled', () => {
    const t = new Transcript();
    t.data('C', 'GET / HTTP/1.1\r\nHost: a\n');
    expect(unstamped(t)).toEqual(['C: GET / HTTP/1.1\\r', 'C: Host: a']);
    expect(t.lines().join('\n')).not.toContain('\r');
  });

  test('a stream chunk without a final newline says so; a datagram does not', () => {
    const t = new Transcript();
    t.data('C', 'partial');
    t.data('C', 'a datagram', '', 'datagram');
    expect(unstamped(t)).toEqual(['C: partial  (no newline yet)', 'C: a datagram']);
  });

  test('a datagram is one entry: a newline or an edge space in it is shown escaped, a long one cut with its length', () => {
    const t = new Transcript();
    t.data('C', 'hello udp\n', '[d] ', 'datagram');
    t.data('S', 'HELLO UDP\n (reply 7)', '[d] ', 'datagram');
    t.data('S', 'A'.repeat(2048), '[d] ', 'datagram');
    const [sent, reply, long] = unstamped(t);
    expect(sent).toBe('C: [d] "hello udp\\n"');
    expect(reply).toBe('S: [d] "HELLO UDP\\n (reply 7)"');
    expect(long).toMatch(/^S: \[d\] "A+"… \(2048 bytes in all\)$/);
  });

  test('binary or invalid UTF-8 is escaped; an empty chunk says (empty)', () => {
    const t = new Transcript();
    t.data('S', Buffer.from([0xff, 0x00, 0x41]));
    t.data('C', '');
    expect(unstamped(t)).toEqual(['S: "\\xff\\0A"', 'C: (empty)']);
  });

  test('long lines are cut with their length; huge chunks are escaped and cut', () => {
    const t = new Transcript();
    t.data('C', `${'a'.repeat(500)}\n`);
    t.data('S', 'b'.repeat(100_000));
    const [line, huge] = unstamped(t);
    expect(line).toBe(`C: ${'a'.repeat(160)}… (500 chars)`);
    expect(huge).toMatch(/^S: "b+"… \(100000 bytes in all\)$/);
    expect(huge.length).toBeLessThan(200);
  });

  test('keeps the first 20 and the last 40 entries, and counts the rest in between', () => {
    const t = new Transcript();
    for (let i = 0; i < 75; i++) t.data('C', `line ${i}\n`);
    const lines = t.lines();
    expect(lines).toHaveLength(61);
    expect(lines[19]).toMatch(/C: line 19$/);
    expect(lines[20]).toBe('        … 15 entries not shown …');
    expect(lines[21]).toMatch(/C: line 35$/);
    expect(lines.at(-1)).toMatch(/C: line 74$/);
  });

  test('isEmpty until something is recorded', () => {
    const t = new Transcript();
    expect(t.isEmpty).toBe(true);
    t.note('x');
    expect(t.isEmpty).toBe(false);
  });
});
