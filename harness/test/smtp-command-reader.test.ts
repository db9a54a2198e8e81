// The SMTP command reader: CRLF lines, DATA up to "." with dot-stuffing undone, and the framing faults it reports.
import { describe, expect, test } from 'vitest';
import { CommandReader } from '../smtp/command-reader.ts';

function reader(...chunks: string[]): CommandReader {
  const result = new CommandReader();
  for (const chunk of chunks) result.push(Buffer.from(chunk, 'latin1'));
  return result;
}

describe('CommandReader', () => {
  test('reads command lines that arrive in pieces, without their CRLF', async () => {
    const commands = reader('EH', 'LO a\r', '\nMAIL FROM:<x@y>\r\n');
    expect(await commands.command()).toBe('EHLO a');
    expect(await commands.command()).toBe('MAIL FROM:<x@y>');
    expect(commands.malformed).toEqual([]);
  });

  test('waits for a line to complete, and gives undefined once the stream ends', async () => {
    const commands = new CommandReader();
    const next = commands.command();
    commands.push(Buffer.from('QUIT'));
    commands.push(Buffer.from('\r\n'));
    expect(await next).toBe('QUIT');
    commands.end();
    expect(await commands.command()).toBeUndefined();
  });

  test('a bare LF still ends a line, and is reported with the line\'s number', async () => {
    const commands = reader('EHLO a\r\n', 'MAIL FROM:<x@y>\n');
    await commands.command();
    expect(await commands.command()).toBe('MAIL FROM:<x@y>');
    expect(commands.malformed.map((m) => [m.line, m.problem])).toEqual([[2, 'bare LF']]);
  });

  test('undoes dot-stuffing and ends the message at "." alone on a line', async () => {
    const data = reader('Subject: x\r\n\r\n..\r\n...x\r\nmid .dot\r\n', '..end\r\n.\r\nQUIT\r\n');
    const message = await data.message();
    expect(message?.message.toString()).toBe('Subject: x\r\n\r\n.\r\n..x\r\nmid .dot\r\n.end\r\n');
    expect(message?.raw.toString()).toBe('Subject: x\r\n\r\n..\r\n...x\r\nmid .dot\r\n..end\r\n.\r\n');
    expect(await data.command()).toBe('QUIT');
  });

  test('reports a bare CR inside a body line and a bare LF ending', async () => {
    const data = reader('a\rb\r\n', 'c\n.\r\n');
    const message = await data.message();
    expect(message?.message.toString()).toBe('a\rb\r\nc\n');
    expect(data.malformed.map((m) => [m.line, m.problem])).toEqual([[1, 'bare CR'], [2, 'bare LF']]);
  });

  test('reports a command line over 512 octets and a text line over 1000', async () => {
    const data = reader(`NOOP ${'x'.repeat(600)}\r\n`, `${'y'.repeat(998)}\r\n${'z'.repeat(999)}\r\n.\r\n`);
    await data.command();
    await data.message();
    expect(data.malformed.map((m) => [m.line, m.problem])).toEqual([[1, 'line too long'], [3, 'line too long']]);
  });

  test('a message cut off by the end of the stream is undefined, not a message', async () => {
    const data = reader('Subject: x\r\n\r\nbody\r\n');
    data.end();
    expect(await data.message()).toBeUndefined();
  });
});
