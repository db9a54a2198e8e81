// The "reproduce by hand" lines must send exactly the bytes the grader sent: each produced printf argument is run
// through a real shell and the bytes it prints are compared with the original.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { printfArgument, printfCommand, printfPipe, shellWord } from '../shell-quote.ts';

/** What a shell prints for `line`, as bytes. */
function shellOutput(line: string, shell = 'sh'): Buffer {
  return execFileSync(shell, ['-c', line], { env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } });
}

const roundTrip = (data: Uint8Array, shell = 'sh') => shellOutput(`printf ${printfArgument(data)}`, shell);

describe('printfArgument', () => {
  test.each([
    ['plain text', 'hello world'],
    ['CR LF and tab', 'GET / HTTP/1.1\r\nHost: a\r\n\r\n\t'],
    ['single and double quotes', `it's "quoted" ''`],
    ['percent signs, as in a printf format', '100% %s %d %%'],
    ['backslashes, as in printf escapes', 'C:\\new\\table \\0 \\c'],
    ['a leading dash, which printf would take for an option', '-n hello'],
    ['a leading dash alone', '-'],
    ['UTF-8', 'straße € 😀 σίσυφος'],
    ['NUL and controls followed by digits', '\x00123\x017\x7f9'],
  ])('%s round-trips through sh', (_, text) => {
    expect(roundTrip(Buffer.from(text))).toEqual(Buffer.from(text));
  });

  test('invalid UTF-8 and every byte value round-trip through sh', () => {
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(roundTrip(all)).toEqual(Buffer.from(all));
    expect(roundTrip(Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xff]))).toEqual(Buffer.from([0xc3, 0x28, 0xe2, 0x82, 0xff]));
  });

  test('random bytes round-trip through sh and bash', () => {
    // Many samples, one shell per batch: each printf writes its own file, so every sample is compared on its own.
    const samples = fc.sample(fc.oneof(
      fc.uint8Array({ maxLength: 80 }),
      fc.string({ unit: 'binary', maxLength: 40 }).map((s) => Buffer.from(s, 'utf8')),
      fc.array(fc.constantFrom(...`'"%\\-\n\r\t$\`!*?~ a0`), { maxLength: 40 }).map((c) => Buffer.from(c.join(''))),
    ), 300);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'socklab-printf-'));
    try {
      for (const shell of ['sh', ...(hasBash() ? ['bash'] : [])]) {
        shellOutput(samples.map((data, i) => `printf ${printfArgument(data)} > ${dir}/${i}`).join('\n'), shell);
        for (const [i, data] of samples.entries()) {
          expect(readFileSync(path.join(dir, String(i))), `${shell}: ${printfArgument(data)}`).toEqual(Buffer.from(data));
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('stays readable: text is shown as text, not as escapes', () => {
    expect(printfArgument('HELO crepes.fr\r\n')).toBe("'HELO crepes.fr\\r\\n'");
    expect(printfArgument('grüße')).toBe("'grüße'");
  });
});

describe('shellWord', () => {
  test('plain words stay bare; anything a shell would split or expand is quoted', () => {
    expect(shellWord('--port')).toBe('--port');
    expect(shellWord('web/root.d')).toBe('web/root.d');
    expect(shellWord('two words')).toBe("'two words'");
    expect(shellWord('')).toBe("''");
  });

  test('every word reaches the program as it was: random words through sh, one argument each', () => {
    const words = fc.sample(fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(fc.constantFrom(...`'"%\\-$\`!*?~ ;&|<>(){}[]#\n\ta0`), { maxLength: 20 }).map((c) => c.join('')),
    // A shell argument cannot hold NUL, and a lone surrogate has no UTF-8: both are left out of the words.
    ), 300).map((word) => Buffer.from(word.replace(/\0/g, ''), 'utf8').toString('utf8'));
    const dir = mkdtempSync(path.join(os.tmpdir(), 'socklab-shellword-'));
    try {
      shellOutput(words.map((word, i) => `printf %s ${shellWord(word)} > ${dir}/${i}`).join('\n'));
      for (const [i, word] of words.entries()) {
        expect(readFileSync(path.join(dir, String(i)), 'utf8'), shellWord(word)).toBe(word);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('printfCommand and printfPipe', () => {
  test('short data: the whole bytes, no note', () => {
    expect(printfCommand('hi\n')).toBe("printf 'hi\\n'");
    expect(printfPipe('hi\n', 'nc 127.0.0.1 9')).toBe("printf 'hi\\n' | nc 127.0.0.1 9");
  });

  test('long data: cut at the limit, and the note does not swallow the command after the pipe', () => {
    const line = printfPipe('a'.repeat(1000), 'wc -c', 600);
    expect(line).toMatch(/ \| wc -c {3}# sends only the first 600 of 1000 bytes$/);
    // The command after the pipe really runs, and gets exactly the first 600 bytes.
    expect(shellOutput(line).toString().trim()).toBe('600');
  });

  test('printfCommand alone says how much of the data it holds', () => {
    const line = printfCommand('b'.repeat(700), 600);
    expect(line.endsWith('# first 600 of 700 bytes')).toBe(true);
    expect(shellOutput(line)).toEqual(Buffer.from('b'.repeat(600)));
  });
});

function hasBash(): boolean {
  try { execFileSync('bash', ['-c', 'true']); return true; } catch { return false; }
}
