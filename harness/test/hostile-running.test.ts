// Programs that start but then misbehave: they hang, ignore SIGTERM, leave a child behind, flood, never exit.
// Each gives its clear failure in bounded time, and stopping them leaves no process of their group alive.
import { describe, expect, test } from 'vitest';
import { CannotJudge, GradingFailure, renderDetails } from '../failure.ts';
import { livingMembers, stopGroup } from '../process-group.ts';
import { freePort } from '../ports.ts';
import { expectExit } from '../program-expectations.ts';
import { RunningProgram } from '../running-program.ts';
import { TcpConnection } from '../tcp-connection.ts';
import { scaled, timeout } from '../timeouts.ts';
import { Transcript } from '../transcript.ts';
import { waitUntilListening } from '../wait-listening.ts';
import { expectNoSurvivors, failureOf, fixtureDir, hostPid, isAlive, prepareFixture, startFixture, stderrMatch } from './support/hostile.ts';

// Bounds on a hang, not speed measurements: each wait the harness makes, plus a wide margin.
const stopBound = () => timeout('stopGrace') * 2 + scaled(5000);

/** Starts a fixture server on a free TCP port and waits until it listens. */
async function startServer(name: string) {
  const port = await freePort('tcp');
  const program = await startFixture(name, { args: ['--port', String(port)] });
  try {
    await waitUntilListening(program, port, 'tcp');
  } catch (error) {
    await program.stop();
    throw error;
  }
  return { program, port };
}

async function timedStop(program: RunningProgram): Promise<number> {
  const started = Date.now();
  await program.stop();
  return Date.now() - started;
}

describe.concurrent('servers that misbehave once running', () => {
  test('listens but never answers (.mjs): the reply wait ends with a caret, the sent bytes and an nc line', async () => {
    const { program, port } = await startServer('never-answers');
    const connection = await TcpConnection.open(port, new Transcript());
    try {
      connection.write('hello\n');
      const { error, ms } = await failureOf(() => connection.expect('HELLO\n'));
      expect(error).toBeInstanceOf(GradingFailure);
      expect(ms).toBeLessThan(timeout('reply') + scaled(5000));
      expect(error.message).toBe(`the whole answer did not arrive within ${timeout('reply')} ms`);
      const text = renderDetails((error as GradingFailure).details).join('\n');
      expect(text).toContain('sent      "hello\\n"');
      expect(text).toContain('^ received only 0 of 6 bytes');
      expect(text).toContain('Nothing more arrived in time');
      expect(text).toContain(`printf 'hello\\n' | nc 127.0.0.1 ${port}`);
    } finally {
      connection.destroy();
      expect(await timedStop(program)).toBeLessThan(stopBound());
    }
    await expectNoSurvivors(program);
  });

  test('ignores SIGTERM (.mjs): SIGKILL after the grace period ends it', async () => {
    const { program } = await startServer('ignores-sigterm');
    expect(await timedStop(program)).toBeLessThan(stopBound());
    // The fixture saw the SIGTERM and kept running; only the SIGKILL ended it.
    expect(program.stderr.lastLines(5).join('\n')).toContain('SIGTERM? I will keep running');
    expect(program.exitStatus).toEqual({ code: null, signal: 'SIGKILL' });
    await expectNoSurvivors(program);
  });

  test('stopGroup itself: SIGTERM is enough for a polite program, SIGKILL is needed for a stubborn one', async () => {
    const polite = (await startServer('never-answers')).program;
    const stubborn = (await startServer('ignores-sigterm')).program;
    const [a, b] = await Promise.all([stopGroup(polite.pid, timeout('stopGrace')), stopGroup(stubborn.pid, timeout('stopGrace'))]);
    expect(a).toEqual({ killed: false });
    expect(b).toEqual({ killed: true });
    expect(livingMembers(polite.pid)).toEqual([]);
    expect(livingMembers(stubborn.pid)).toEqual([]);
    await Promise.all([polite.stop(), stubborn.stop()]);
  });

  test('starts a child that ignores SIGTERM (.mjs): the whole group is stopped, the child too', async () => {
    const { program } = await startServer('child-ignores-sigterm');
    const worker = hostPid(program, Number((await stderrMatch(program, /worker pid (\d+)/, scaled(5000)))[1]));
    expect(isAlive(worker)).toBe(true);
    expect(livingMembers(program.pid)).toContain(worker);
    // The busy-machine credit reads the cheaper tree: it must see the child as well.
    expect(program.processTree()).toContain(worker);
    expect(await timedStop(program)).toBeLessThan(stopBound());
    await expectNoSurvivors(program, [worker]);
  });

  test('a correct Python server (.py) is started with python3, answers, and is stopped like any other', async () => {
    const prepared = await prepareFixture('python-server');
    expect(prepared).toMatchObject({ command: 'python3' });
    const { program, port } = await startServer('python-server');
    const connection = await TcpConnection.open(port, new Transcript());
    try {
      connection.write('hello über\n');
      await connection.expect('HELLO ÜBER\n');
    } finally {
      connection.destroy();
      expect(await timedStop(program)).toBeLessThan(stopBound());
    }
    await expectNoSurvivors(program);
  });
});

describe.concurrent('programs that must run to their end (expectExit)', () => {
  test('exits with the wrong code (.ts): names the code and the contract\'s', async () => {
    const program = await startFixture('exits-at-once', { args: [] });
    const { error, ms } = await failureOf(() => expectExit(program, { code: 0 }));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(ms).toBeLessThan(timeout('exit') + scaled(5000));
    expect(error.message).toBe('your server exited with code 1; the contract requires exit code 0');
    await expectNoSurvivors(program);
  });

  test('never exits (.mjs): "did not exit within", and expectExit stops it', async () => {
    const program = await startFixture('never-listens', { args: [] });
    const within = scaled(500);
    const { error, ms } = await failureOf(() => expectExit(program, { withinMs: within }));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(ms).toBeLessThan(within + stopBound());
    expect(error.message).toBe(`your server did not exit within ${within} ms`);
    expect((error as GradingFailure).details.hint).toContain('It is probably waiting');
    await expectNoSurvivors(program);
  });

  test('floods stderr (.py): stopped once it passes 64 MiB, and the failure says so', async () => {
    const program = await startFixture('floods-stderr', { args: [] });
    const { error, ms } = await failureOf(() => expectExit(program, { code: 0, withinMs: timeout('case') }));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(ms).toBeLessThan(timeout('case'));
    expect(error.message).toBe('your server was stopped because it wrote more than 64 MiB to stderr');
    expect(program.stderr.flooded).toBe(true);
    // The tail kept for the message is bounded, whatever the flood.
    expect(program.stderr.lastLines(1000).join('\n').length).toBeLessThanOrEqual(16 * 1024 + 1);
    await program.stop();
    await expectNoSurvivors(program);
  });

  test('hoards memory in a print loop (.mjs): stopped past 1 GiB, and the failure says so', async () => {
    const program = await startFixture('hoards-memory', { args: [] });
    const { error, ms } = await failureOf(() => expectExit(program, { code: 0, withinMs: timeout('case') }));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(ms).toBeLessThan(timeout('case'));
    expect(error.message).toBe('your server was stopped because it used more than 1 GiB of memory');
    await program.stop();
    await expectNoSurvivors(program);
  });

  test('outlives its time limit (.mjs): stopped, and the failure names the limit', async () => {
    const lifetimeMs = scaled(300);
    const program = await startFixture('never-listens', { args: [], lifetimeMs });
    const { error } = await failureOf(() => expectExit(program, { withinMs: lifetimeMs + stopBound() }));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(error.message).toBe(`your server was stopped because it was still running after ${lifetimeMs} ms`);
    await expectNoSurvivors(program);
  });

  test('an interpreter that is not installed is a CannotJudge, not a kit error', async () => {
    const launch = () => new RunningProgram(
      { role: 'server', file: `${fixtureDir('python-server')}/server.py`, command: 'socklab-no-such-interpreter', args: [], cwd: fixtureDir('python-server') },
      { args: [] },
    );
    expect(launch).toThrow(CannotJudge);
    expect(launch).toThrow('could not start server.py: the command socklab-no-such-interpreter could not be run');
  });
});
