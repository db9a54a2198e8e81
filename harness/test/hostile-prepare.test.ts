// Programs that cannot be judged at all (no file, two files, a compile error) give a CannotJudge naming the cause;
// and the path a case takes (CaseContext.start … cleanup) turns every hostile program into a clear failure.
import { describe, expect, test } from 'vitest';
import { CaseRun } from '../case-context.ts';
import { CannotJudge, GradingFailure } from '../failure.ts';
import type { PreparedProgram } from '../prepare-program.ts';
import { checkListening } from '../readiness.ts';
import type { RunSettings } from '../run-settings.ts';
import { scaled, timeout } from '../timeouts.ts';
import { expectNoSurvivors, failureOf, fixtureDir, prepareFixture } from './support/hostile.ts';

/** Asserts that preparing failed, and returns why. */
function preparationError(prepared: PreparedProgram) {
  if (!('error' in prepared)) throw new Error(`expected ${prepared.file} not to prepare`);
  return prepared.error;
}

describe.concurrent('programs that cannot be judged', () => {
  test('does not compile (.ts): names the file, the line and the column, in bounded time', async () => {
    const started = Date.now();
    const error = preparationError(await prepareFixture('does-not-compile'));
    expect(Date.now() - started).toBeLessThan(scaled(10000));
    expect(error.summary).toBe('server.ts does not compile');
    const details = (error.details ?? []).join('\n');
    expect(details).toContain('[ERROR] Expected ")" but found ";"');
    expect(details).toMatch(/does-not-compile\/server\.ts:8:48:/);
    expect(details).toContain("8 │ socket.bind(Number(process.argv[3]), '127.0.0.1';");
    expect(error.hint).toContain('npx tsc --noEmit');
  });

  test('several files for one role (server.ts and server.py): lists both and asks to keep one', async () => {
    const error = preparationError(await prepareFixture('several-files'));
    expect(error.summary).toBe(`there are 2 server programs in ${fixtureDir('several-files')}: server.ts, server.py`);
    expect(error.hint).toContain('Keep exactly one server program');
  });

  test('no file for the role: says which names would do, and points at the look-alike UDPServer.py', async () => {
    const error = preparationError(await prepareFixture('no-file'));
    expect(error.summary).toBe(`there is no server program in ${fixtureDir('no-file')}`);
    expect(error.hint).toContain('Create one of: server.ts, server.js, server.mjs, server.py.');
    expect(error.hint).toContain('The folder has UDPServer.py: if that is your server, rename it');
  });

  test('no folder at all: says the folder does not exist', async () => {
    const error = preparationError(await prepareFixture('no-such-fixture-folder'));
    expect(error.summary).toMatch(/^the folder .*no-such-fixture-folder does not exist, so there is no server program to run$/);
  });
});

/** Run settings for one test-only exercise whose server role is played by `prepared`. */
function settingsFor(prepared: PreparedProgram): RunSettings {
  return {
    target: fixtureDir('.'),
    targetOption: '',
    seed: 1,
    visibleOnly: false,
    manifests: {
      hostile: {
        id: 'hostile',
        title: 'hostile fixtures',
        textbook: { section: '2.7', title: 'Socket Programming' },
        roles: { server: { kind: 'server', transport: 'tcp', args: ['--port', '{port}'] } },
      },
    },
    programs: { hostile: { server: prepared } },
  };
}

async function contextFor(fixture: string): Promise<CaseRun> {
  return new CaseRun('hostile', 'case-1', settingsFor(await prepareFixture(fixture)));
}

describe.concurrent('the path of a case: t.start, then cleanup', () => {
  test('a program that does not compile: t.start throws CannotJudge "not run: …", starting nothing', async () => {
    const t = await contextFor('does-not-compile');
    const { error } = await failureOf(() => t.start('server'));
    expect(error).toBeInstanceOf(CannotJudge);
    expect(error.message).toBe('not run: server.ts does not compile');
    expect(t.programs).toEqual([]);
    await t.cleanup();
  });

  test('a server that exits at once: t.start throws GradingFailure, and cleanup leaves nothing', async () => {
    const t = await contextFor('exits-at-once');
    const { error, ms } = await failureOf(() => t.start('server'));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(ms).toBeLessThan(timeout('startup') + scaled(5000));
    expect(error.message).toMatch(/^your server exited with code 1 before it was listening on 127\.0\.0\.1:\d+ \(TCP\)$/);
    await t.cleanup();
    await expectNoSurvivors(t.programs[0]);
  });

  test('a working server: after cleanup neither its processes nor its port survive', async () => {
    const t = await contextFor('python-server');
    const { port, program } = await t.start('server');
    const connection = await t.connect(port);
    connection.write('one\ntwo\n');
    await connection.expect('ONE\nTWO\n');
    expect(t.startLines).toEqual([`npx socklab run hostile server --port ${port}   # in one terminal`]);
    await t.cleanup();
    await expectNoSurvivors(program);
    expect(await checkListening(port, 'tcp')).toBe('not-yet');
  });

  test('a body still running after its case ended (past the deadline): what it starts is stopped, not left behind', async () => {
    const t = await contextFor('python-server');
    await t.cleanup();
    const { error } = await failureOf(() => t.start('server'));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(t.programs).toHaveLength(1);
    await t.programs[0].exited;
    await expectNoSurvivors(t.programs[0]);
  });
});
