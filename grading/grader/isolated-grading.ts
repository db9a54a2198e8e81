// Runs `socklab grade` and `socklab test` inside the sandbox's network (harness/sandbox/grading-network.ts), or says
// once which protections are off and why; `--require-sandbox` refuses to grade without them.
import { spawn } from 'node:child_process';
import { isolatedNetworkLaunch, onlyLoopback } from '../../harness/sandbox/grading-network.ts';
import { PROTECTIONS_OFF, sandboxSupport } from '../../harness/sandbox/support.ts';
import { forgetTlsSetup } from './grader-environment.ts';
import { UsageError } from './kit-error.ts';

/**
 * Re-runs this command line in a fresh network namespace and returns its exit code; undefined when this process
 * should grade by itself (it is inside one already, or the sandbox is off and grading goes on without it).
 */
export async function gradeInSandbox(command: string, requireSandbox: boolean): Promise<number | undefined> {
  const support = sandboxSupport();
  if (!support.available) {
    if (requireSandbox) {
      throw new UsageError(`socklab ${command} --require-sandbox: the sandbox cannot be built on this machine: ${support.reason}. ` +
        'Run `npx socklab doctor` to see what is missing.');
    }
    console.error(`[grader] sandbox off: ${support.reason}. Grading goes on with process groups, time and output limits only; so:`);
    for (const line of PROTECTIONS_OFF) console.error(`[grader]   - ${line}`);
    return undefined;
  }
  if (onlyLoopback()) return undefined;
  const launch = isolatedNetworkLaunch(process.execPath, [...process.execArgv, ...process.argv.slice(1)]);
  if (!launch) return undefined;
  forgetTlsSetup();
  const child = spawn(launch.command, launch.args, { stdio: 'inherit' });
  return new Promise((resolve) => {
    child.once('error', (error) => {
      console.error(`kit error: could not start the grading network namespace: ${error.message}`);
      resolve(2);
    });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 2 : 0)));
  });
}
