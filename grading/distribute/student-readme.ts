// The README of the student copy: what the kit is, the exercises, and the two commands that start the work.
import type { Manifest } from '../../harness/run-settings.ts';

/** The README written at the top of a student copy; its two commands are checked by the export self-test. */
export function studentReadme(manifests: Manifest[], version: string): string {
  const first = manifests[0]?.id ?? 'EXERCISE';
  const rows = manifests.map((m) => `| [${m.id}](exercises/${m.id}/README.md) | ${m.textbook.section} | ${m.title} |`);
  return [
    '# socklab (student copy)',
    '',
    'Socket-programming exercises for chapter 2 of Kurose & Ross, *Computer Networking*, graded over real sockets.',
    'You fill in the programs under `exercises/`; socklab starts them on a free port, talks to them the way the',
    'protocol says, and explains every failure: what was sent, what came back, the exchange, a hint, and how to',
    `reproduce it by hand. This copy was made from socklab ${version}.`,
    '',
    '| exercise | textbook | programs |',
    '|---|---|---|',
    ...rows,
    '',
    '## Start',
    '',
    'Node 20.19 or newer. In this folder:',
    '',
    '```sh',
    ...aligned([['npm ci', 'install the grader once'], [`npx socklab test ${first}`, 'grade one exercise; run it again and again while you work']]),
    '```',
    '',
    '`npm test` grades every exercise and succeeds only when every case passes. `npx socklab run EXERCISE ROLE`',
    'starts your program as the grader does, to try it with nc, curl or dig. More: [docs/students.md](docs/students.md).',
    '',
    'Your instructor grades with more cases than this copy has (hidden cases); the ones here are the ones you can see.',
    '',
  ].join('\n');
}

function aligned(lines: Array<[string, string]>): string[] {
  const width = Math.max(...lines.map(([command]) => command.length)) + 2;
  return lines.map(([command, comment]) => `${command.padEnd(width)}# ${comment}`);
}
