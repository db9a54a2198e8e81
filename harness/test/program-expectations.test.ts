// A program's printout judged: a wrong one gets the case's advice, one that printed nothing is told so, without
// advice about the content it never printed.
import os from 'node:os';
import path from 'node:path';
import { expect, test } from 'vitest';
import { GradingFailure } from '../failure.ts';
import { expectExit, expectStdout } from '../program-expectations.ts';
import { RunningProgram } from '../running-program.ts';

/** A node one-liner run as the harness runs a student's client, waited for until it exits. */
async function ran(script: string): Promise<RunningProgram> {
  const program = new RunningProgram({
    role: 'client', file: path.join(process.cwd(), 'client.js'), command: process.execPath, args: ['-e', script], cwd: os.tmpdir(),
  }, { args: [], stdin: '' });
  await expectExit(program, { code: 0 });
  return program;
}

const failureOf = (work: () => void) => {
  try { work(); } catch (error) { if (error instanceof GradingFailure) return error.details; throw error; }
  throw new Error('expected a GradingFailure');
};

const options = { hint: 'Print the reply and a newline.', contentHint: 'Decode the reply as UTF-8 before printing it.' };

test('a wrong printout: the case\'s advice, content advice included', async () => {
  const program = await ran('process.stdout.write("GR\\uFFFDSSE\\n")');
  const details = failureOf(() => expectStdout(program, 'GRÜSSE\n', options));
  expect(details.summary).toBe('your client printed something other than what was expected on stdout');
  expect(details.hint).toBe(`${options.hint}\n${options.contentHint}`);
}, 30_000);

test('nothing printed: says so, and leaves out advice about the content', async () => {
  const program = await ran('');
  const details = failureOf(() => expectStdout(program, 'GRÜSSE\n', options));
  expect(details.summary).toBe('your client printed nothing on stdout');
  expect(details.hint).toBe(`Your client printed nothing on stdout.\n${options.hint}`);
}, 30_000);
