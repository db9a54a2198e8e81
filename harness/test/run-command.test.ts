// The "start it by hand" line of a case: `socklab run` takes --port itself, and the program's own options only
// after `--`; every word reaches the program whole, whatever the shell would make of it.
import { execFileSync } from 'node:child_process';
import { describe, expect, test } from 'vitest';
import { CaseRun } from '../case-context.ts';
import type { RunSettings } from '../run-settings.ts';
import { shellWord } from '../shell-quote.ts';

const settings = (targetOption = ''): RunSettings =>
  ({ target: '', targetOption, seed: 1, visibleOnly: false, manifests: {}, programs: {} }) as unknown as RunSettings;

/** The words a shell passes to a program for `line`, one per output line. */
const words = (line: string) => execFileSync('sh', ['-c', `printf '%s\\n' ${line}`]).toString().split('\n').slice(0, -1);

describe('shellWord', () => {
  test.each(['15Gbit', '2MB/s', 'peers.csv', "it's", 'two words', '$HOME', '*', '', '10,100,1000', '-5'])('%j reaches the program as one word', (word) => {
    expect(words(shellWord(word))).toEqual([word]);
  });
});

describe('runCommand', () => {
  const t = new CaseRun('p2p-distribution', 'some-case', settings());

  test('program options go after --, which socklab run passes through', () => {
    expect(t.runCommand('calc', ['--file-size', '15Gbit', '--peers', '10,100'])).toBe('npx socklab run p2p-distribution calc -- --file-size 15Gbit --peers 10,100');
  });

  test('--port stays socklab run\'s own; the rest follows --', () => {
    expect(t.runCommand('client', ['--port', 4000, '--timeout', '500'])).toBe('npx socklab run p2p-distribution client --port 4000 -- --timeout 500');
    expect(t.runCommand('server', ['--port', 4000])).toBe('npx socklab run p2p-distribution server --port 4000');
  });

  test('a -- the suite wrote itself is kept as it is, and words are quoted for the shell', () => {
    expect(t.runCommand('calc', ['--', '--file-size', 'two words'])).toBe("npx socklab run p2p-distribution calc -- --file-size 'two words'");
  });

  test('the target option comes before the program\'s options', () => {
    const other = new CaseRun('p2p-distribution', 'some-case', settings(' --target solutions'));
    expect(other.runCommand('calc', ['--peers', '1'])).toBe('npx socklab run p2p-distribution calc --target solutions -- --peers 1');
  });
});
