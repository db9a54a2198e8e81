// A program's output is drained and kept bounded: the head to grade, the tail to show, one flood alarm.
import { PassThrough } from 'node:stream';
import { describe, expect, test } from 'vitest';
import { OutputCapture } from '../output-capture.ts';

/** A capture fed through a real stream, and how often its flood callback ran. */
function capture(limits: { head: number; tail: number; flood: number }) {
  const stream = new PassThrough();
  let floods = 0;
  const output = new OutputCapture(limits, () => { floods += 1; });
  output.attach(stream);
  return { stream, output, floods: () => floods };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('OutputCapture', () => {
  test('keeps everything while it is small', async () => {
    const { stream, output } = capture({ head: 100, tail: 100, flood: 1000 });
    stream.write('line 1\n');
    stream.write('line 2\n');
    await flush();
    expect(output.head().toString()).toBe('line 1\nline 2\n');
    expect(output.lastLines(5)).toEqual(['line 1', 'line 2']);
    expect(output.total).toBe(14);
  });

  test('the head stops at its limit, even inside a chunk', async () => {
    const { stream, output } = capture({ head: 10, tail: 100, flood: 1000 });
    stream.write('abcdefgh');
    stream.write('ijklmnop');
    await flush();
    expect(output.head().toString()).toBe('abcdefghij');
    expect(output.total).toBe(16);
  });

  test('the tail keeps the last bytes; lastLines gives its last lines, and marks the one cut short', async () => {
    const { stream, output } = capture({ head: 4, tail: 12, flood: 1000 });
    for (let i = 1; i <= 9; i++) stream.write(`line ${i}\n`);
    await flush();
    expect(output.lastLines(1)).toEqual(['line 9']);
    expect(output.lastLines(10)).toEqual(['…ne 8', 'line 9']);
  });

  test('the flood callback runs once, when the total passes the limit', async () => {
    const { stream, output, floods } = capture({ head: 10, tail: 10, flood: 100 });
    stream.write('x'.repeat(100));
    await flush();
    expect(floods()).toBe(0);
    expect(output.flooded).toBe(false);
    stream.write('x');
    stream.write('x'.repeat(1000));
    await flush();
    expect(floods()).toBe(1);
    expect(output.flooded).toBe(true);
    expect(output.total).toBe(1101);
  });

  test('memory stays bounded under a large flood', async () => {
    const { stream, output } = capture({ head: 1024, tail: 1024, flood: 1 << 30 });
    const chunk = Buffer.alloc(64 * 1024, 'y');
    for (let i = 0; i < 160; i++) stream.write(chunk);
    await flush();
    expect(output.total).toBe(160 * 64 * 1024);
    expect(output.head().length).toBe(1024);
    expect(output.lastLines(1)[0]).toBe(`…${'y'.repeat(1024)}`);
  });

  test('a stream that errors is not the grader\'s failure', async () => {
    const { stream, output } = capture({ head: 100, tail: 100, flood: 1000 });
    stream.write('before\n');
    stream.destroy(new Error('EPIPE'));
    await flush();
    expect(output.lastLines(1)).toEqual(['before']);
  });
});
