// Servers that go wrong before they are ready: each gives a GradingFailure naming the cause, in bounded time,
// and leaves no process behind.
import { describe, expect, test } from 'vitest';
import { GradingFailure, renderDetails } from '../failure.ts';
import { freePort } from '../ports.ts';
import type { RunningProgram } from '../running-program.ts';
import { scaled, timeout } from '../timeouts.ts';
import { waitUntilListening } from '../wait-listening.ts';
import { expectNoSurvivors, failureOf, startFixture } from './support/hostile.ts';

// A bound on a hang, not a speed measurement: the startup wait plus a wide margin for a loaded machine.
const startupBound = () => timeout('startup') + scaled(5000);
const stopBound = () => timeout('stopGrace') + scaled(5000);

/** Stops the program, within bounds, and checks that nothing of it survives. */
async function stopAndCheck(program: RunningProgram): Promise<void> {
  const started = Date.now();
  await program.stop();
  expect(Date.now() - started).toBeLessThan(stopBound());
  await expectNoSurvivors(program);
}

/** Starts a fixture server and returns how waiting for it to listen failed. */
async function startupFailure(name: string, transport: 'tcp' | 'udp', extraArgs: string[] = [], avoid = 0) {
  let port = await freePort(transport);
  while (port === avoid) port = await freePort(transport);
  const program = await startFixture(name, { args: ['--port', String(port), ...extraArgs] });
  try {
    const { error, ms } = await failureOf(() => waitUntilListening(program, port, transport));
    expect(error).toBeInstanceOf(GradingFailure);
    expect(ms).toBeLessThan(startupBound());
    return { error: error as GradingFailure, port, program, text: renderDetails((error as GradingFailure).details).join('\n') };
  } finally {
    await stopAndCheck(program);
  }
}

describe.concurrent('a server that is never ready', () => {
  test('never listens (.mjs): "not listening … within", with the listen() hint', async () => {
    const { error, port } = await startupFailure('never-listens', 'tcp');
    expect(error.message).toBe(`your server was not listening on 127.0.0.1:${port} (TCP) ${timeout('startup')} ms after it started`);
    expect(error.details.hint).toContain('server.listen(port, "127.0.0.1")');
  });

  test('exits at once (.ts): names the exit code, and its stderr tail shows the error at its .ts line', async () => {
    const { error, port, program } = await startupFailure('exits-at-once', 'tcp');
    expect(error.message).toBe(`your server exited with code 1 before it was listening on 127.0.0.1:${port} (TCP)`);
    const state = program.describeState().join('\n');
    expect(state).toContain('exited with code 1');
    expect(state).toContain('ENOENT');
    // The source map points the stack at the student's file, not at the compiled bundle.
    expect(state).toMatch(/server\.ts:6:\d+/);
  });

  test('floods stdout (.mjs): stopped early (or, on a very busy machine, not listening in time), and the summary says it was the flood', async () => {
    const { error, program } = await startupFailure('floods-stdout', 'tcp');
    const state = program.describeState();
    // Usually the flood passes 64 MiB first and the grader stops it; under heavy load a CI run saw the 5 s budget end
    // at 63.2 MiB. Both endings name the flood and give the flood's hint.
    if (program.stdout.flooded) {
      expect(error.message).toMatch(/^the grader stopped your server before it was listening on .*, because it wrote more than 64 MiB to stdout$/);
      expect(state[0]).toContain('the grader stopped it because it wrote more than 64 MiB to stdout');
    } else {
      expect(error.message).toMatch(/^your server was not listening on .* ms after it started, and it had written [1-9]\d\.\d MiB to stdout by then$/);
    }
    expect(error.details.hint).toMatch(/^Output that never stops is usually a debug print inside a loop/);
    // What it printed over and over is shown, each line cut short (the very last one may be cut by the stop).
    const shown = state.slice(state.findIndex((line) => /^it wrote [\d.]+ MiB to stdout/.test(line)) + 1);
    expect(shown.length).toBeGreaterThan(1);
    expect(shown.some((line) => /^ {2}\[your_program\] poll \d+: no work yet, slot \d+ = \.+… \(\d+ chars\)$/.test(line))).toBe(true);
    for (const line of shown) expect(line.length).toBeLessThan(220);
  });

  test('writes 20 MiB and never listens (.mjs): "not listening", naming what it had written, with the flood hint', async () => {
    const { error } = await startupFailure('floods-then-stalls', 'tcp');
    // 20.0 MiB when the grader has read it all; a very busy machine may end the budget a little before that.
    expect(error.message).toMatch(/^your server was not listening on .* ms after it started, and it had written (1[6-9]|20)\.\d MiB to stdout by then$/);
    expect(error.details.hint).toMatch(/^Output that never stops is usually a debug print inside a loop/);
  });

  test('listens on a fixed port (.py, like the textbook\'s 12000): "It is listening on port … instead"', async () => {
    // The fixture's fixed port is moved to a free one so that parallel runs cannot collide on 12000.
    const fixed = await freePort('udp');
    const { error, text } = await startupFailure('wrong-port', 'udp', ['--fixed-port', String(fixed)], fixed);
    expect(error.message).toMatch(/was not listening on 127\.0\.0\.1:\d+ \(UDP\)/);
    expect(error.details.hint).toContain(`It is listening on port ${fixed} instead. Use the port given by --port`);
    expect(text).toContain(`listening on port ${fixed} instead`);
  });

  test('listens on ::1 only (.mjs): says IPv6 loopback and what to listen on instead', async () => {
    const { error } = await startupFailure('ipv6-only', 'tcp');
    expect(error.message).toMatch(/was not listening on 127\.0\.0\.1:\d+ \(TCP\)/);
    expect(error.details.hint).toContain("IPv6 loopback ::1 only. Listen on '127.0.0.1'");
  });
});
