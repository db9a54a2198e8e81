// Waits until a started server listens on its port, or fails with the reason a student can act on.
import { GradingFailure } from './failure.ts';
import { busyMachineCredit, MACHINE_WAIT_CAP, noteGivenBack } from './machine-wait.ts';
import { checkListening, holdsSocket, portsOwnedBy, type Transport } from './readiness.ts';
import { describeExit, type RunningProgram } from './running-program.ts';
import { timeout } from './timeouts.ts';
import { sleep } from './transport/deadline.ts';

const MiB = 1024 * 1024;
/** The longest a server's start goes without a look at the TCP tables themselves. */
const FULL_LOOK_MS = 250;
/** Written to stdout before listening, this much is a flood in progress, even when it has not reached the 64 MiB limit. */
const FLOOD_SIGN = 16 * MiB;
const FLOOD_HINT = 'Output that never stops is usually a debug print inside a loop that never ends: remove it, and make\n' +
  'sure the program reaches its listen() / bind() call.';

/** Resolves once `program` listens on 127.0.0.1:`port`; throws a GradingFailure if it exits or never does. */
export async function waitUntilListening(program: RunningProgram, port: number, transport: Transport): Promise<void> {
  const limit = timeout('startup');
  const started = Date.now();
  // The time the program waited for a core is given back, up to MACHINE_WAIT_CAP times the budget: a correct server
  // started on a busy machine still makes it (a CI run saw one listen just after 5 s). The grader's own wait is not
  // counted: only the program can end this wait, and a server asleep without listening gains nothing.
  const credit = busyMachineCredit(() => program.processTree());
  const deadline = () => (Date.now() < started + limit ? started + limit : started + Math.min(limit + credit(), MACHINE_WAIT_CAP * limit));
  const where = `127.0.0.1:${port} (${transport.toUpperCase()})`;
  // A look at the TCP tables walks the kernel's whole connection table, and a start used to take five or six of them
  // (two tables each) before its server listened. Until one of the program's processes holds a socket, it cannot be
  // listening: a look at its file descriptors says so for a fraction of the cost. A full look still comes every
  // FULL_LOOK_MS, for a listener outside the process tree (a daemon, with the sandbox off). UDP's tables are small.
  let lastFullLook = started;
  for (let delay = 5; ; delay = Math.min(delay * 2, 50)) {
    const fullLook = transport === 'udp' || Date.now() - lastFullLook >= FULL_LOOK_MS || holdsSocket(program.processTree());
    if (fullLook) lastFullLook = Date.now();
    const state = fullLook ? await checkListening(port, transport) : 'not-yet';
    if (state === 'ready') return;
    if (program.exitStatus && program.stoppedBecause) {
      throw new GradingFailure({
        summary: `the grader stopped your server before it was listening on ${where}, because ${program.stoppedBecause}`,
        cause: `the grader stopped your server before it was listening, because ${program.stoppedBecause}`,
        hint: FLOOD_HINT,
      });
    }
    if (program.exitStatus) {
      throw new GradingFailure({
        summary: `your server ${describeExit(program.exitStatus)} before it was listening on ${where}`,
        cause: `your server ${describeExit(program.exitStatus)} before it was listening`,
        // Said without "below": socklab run shows the same hint after the program's stderr, not before it.
        hint: 'Read what it wrote to stderr (the [your_program] lines): a crash at start-up (an exception, a wrong\n' +
          'import) or a missing receive loop (a program that binds and then reaches its end) both look like this.',
      });
    }
    if (Date.now() >= deadline() && program.stdout.total >= FLOOD_SIGN) {
      noteGivenBack(Math.min(Date.now(), deadline()) - started - limit);
      // On a busy machine a flood may not reach the 64 MiB limit within the budget: name it all the same.
      const written = `${(program.stdout.total / MiB).toFixed(1)} MiB`;
      throw new GradingFailure({
        summary: `your server was not listening on ${where} ${limit} ms after it started, and it had written ${written} to stdout by then`,
        cause: `your server was not listening on the port given by --port ${limit} ms after it started, and it had written ${written} to stdout by then`,
        hint: FLOOD_HINT,
      });
    }
    if (Date.now() >= deadline()) {
      noteGivenBack(Math.min(Date.now(), deadline()) - started - limit);
      // It started listening between the last look and now: it is ready, just in time. This full look, not the last
      // poll's (which may have been the cheap one), says whether it listens on ::1 only.
      const last = await checkListening(port, transport);
      if (last === 'ready') return;
      const elsewhere = (await portsOwnedBy(program.livingProcesses(), transport)).filter((other) => other !== port);
      const hint = last === 'ipv6-only'
        ? `It listens on the IPv6 loopback ::1 only. Listen on '127.0.0.1' (or on all interfaces) instead of 'localhost'.`
        : elsewhere.length > 0
          ? `It is listening on port ${elsewhere.join(', ')} instead. Use the port given by --port, not a fixed one.`
          : transport === 'udp'
            ? 'Bind the socket to the port given by --port: socket.bind(port, "127.0.0.1").'
            : 'Call server.listen(port, "127.0.0.1") with the port given by --port.';
      throw new GradingFailure({
        summary: `your server was not listening on ${where} ${limit} ms after it started`,
        cause: `your server was not listening on the port given by --port ${limit} ms after it started`,
        hint,
      });
    }
    await sleep(delay);
  }
}
