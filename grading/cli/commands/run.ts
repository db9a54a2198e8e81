// `socklab run <id> <role>`: starts one program by hand, on a port it prints, to try with nc, curl or dig.
import path from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { prepareProgram } from '../../../harness/prepare-program.ts';
import { renderDetails } from '../../../harness/failure.ts';
import { buildFixture, type BuiltFixture } from '../../../harness/fixtures/index.ts';
import { freePort } from '../../../harness/ports.ts';
import { RunningProgram } from '../../../harness/running-program.ts';
import { waitUntilListening } from '../../../harness/wait-listening.ts';
import { GradingFailure } from '../../../harness/failure.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { numberOption, parseOptions, resolveTarget } from '../options.ts';

/** The role's argument template filled in; template options the user passed after `--` give way to theirs. */
function fillArguments(template: string[], vars: Record<string, string>, extra: string[], where: string): string[] {
  const filled: string[] = [];
  for (let i = 0; i < template.length; i++) {
    const option = template[i];
    const value = template[i + 1];
    if (option.startsWith('--') && value !== undefined && /\{\w+\}/.test(value)) {
      i += 1;
      if (extra.includes(option)) continue;
      const name = /\{(\w+)\}/.exec(value)![1];
      if (vars[name] === undefined) {
        // --port is socklab run's own option (the READMEs and repro lines use it); anything else goes after --.
        const how = name === 'port' ? `socklab run ${where} --port PORT (the port your server listens on)`
          : `socklab run ${where} -- ${option} ${name.toUpperCase()}`;
        throw new UsageError(`socklab run ${where}: this program needs ${option} ${name.toUpperCase()}, e.g. ${how}`);
      }
      filled.push(option, value.replace(/\{(\w+)\}/g, (_, key: string) => vars[key]));
    } else {
      filled.push(option);
    }
  }
  return [...filled, ...extra];
}

/**
 * Builds the sample fixtures the manifest names for placeholders the user left to the kit (e.g. a web root for
 * {root}), sets them in `vars`, and says what was built. The user's own option after `--` wins.
 */
async function buildSamples(template: string[], samples: Record<string, string>, extra: string[], vars: Record<string, string>,
  where: string): Promise<BuiltFixture[]> {
  const built: BuiltFixture[] = [];
  for (const [placeholder, fixture] of Object.entries(samples)) {
    const option = template[template.findIndex((value) => value.includes(`{${placeholder}}`)) - 1];
    if (option !== undefined && extra.includes(option)) continue;
    const sample = await buildFixture(fixture);
    built.push(sample);
    vars[placeholder] = sample.value;
    for (const line of sample.summary) console.error(`[socklab] ${line}`);
    if (option) console.error(`[socklab] it is removed when the program stops; to use your own: npx socklab run ${where} -- ${option} ${placeholder.toUpperCase()}`);
  }
  return built;
}

function prefixed(prefix: string): (chunk: Buffer) => void {
  let pending = '';
  return (chunk) => {
    const lines = (pending + chunk.toString('utf8')).split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) process.stderr.write(`${prefix} ${line}\n`);
  };
}

export async function runCommand(args: string[]): Promise<number> {
  const dash = args.indexOf('--');
  const extra = dash >= 0 ? args.slice(dash + 1) : [];
  const { values, positionals } = parseOptions('run', dash >= 0 ? args.slice(0, dash) : args, { target: { type: 'string' }, port: { type: 'string' } });
  // An unknown exercise is answered with the list of them, even when the role is missing too.
  const manifest = positionals.length > 0 ? loadManifests([positionals[0]])[positionals[0]] : undefined;
  if (positionals.length !== 2 || !manifest) {
    const roles = manifest ? ` (its roles: ${Object.keys(manifest.roles).join(', ')})` : '';
    throw new UsageError(`socklab run: name an exercise and a role, e.g. \`npx socklab run udp-uppercase server\`${roles}`);
  }
  const [id, role] = positionals;
  const spec = manifest.roles[role];
  if (!spec) throw new UsageError(`socklab run: ${id} has no role ${role}; its roles are ${Object.keys(manifest.roles).join(', ')}`);
  const { target } = resolveTarget('run', values.target);
  const port = numberOption('run', 'port', values.port, 1, 65535) ?? (spec.kind === 'server' ? await freePort(spec.transport) : undefined);
  const vars: Record<string, string> = { host: '127.0.0.1', ...(port !== undefined ? { port: String(port) } : {}) };
  const samples = await buildSamples(spec.args, spec.samples ?? {}, extra, vars, `${id} ${role}`);
  const programArgs = fillArguments(spec.args, vars, extra, `${id} ${role}`);

  const buildDir = await mkdtemp(path.join(os.tmpdir(), 'socklab-run-'));
  const prepared = await prepareProgram(path.join(target, id), role, buildDir);
  if ('error' in prepared) {
    console.error(renderDetails(prepared.error).join('\n'));
    await rm(buildDir, { recursive: true, force: true });
    for (const sample of samples) await sample.dispose();
    return 1;
  }
  const isServer = spec.kind === 'server';
  const showErr = prefixed('[your_program]');
  const program = new RunningProgram(prepared, {
    args: programArgs,
    lifetimeMs: 0,
    onOutput: (stream, chunk) => (isServer || stream === 'stderr' ? showErr(chunk) : process.stdout.write(chunk)),
  });
  console.error(`[socklab] started ${path.relative(process.cwd(), prepared.file)} ${programArgs.join(' ')} (pid ${program.pid})`);
  const stop = () => { void program.stop(); };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (isServer && port !== undefined) {
    try {
      await waitUntilListening(program, port, spec.transport ?? 'tcp');
      const tryIt = spec.try?.replace(/\{port\}/g, String(port))
        ?? (spec.transport === 'udp' ? `printf 'hello' | nc -u -w1 127.0.0.1 ${port}` : `nc 127.0.0.1 ${port}`);
      console.error(`[socklab] listening on 127.0.0.1:${port} (${(spec.transport ?? 'tcp').toUpperCase()}). Try: ${tryIt}`);
      console.error('[socklab] Ctrl-C stops it.');
    } catch (error) {
      if (!(error instanceof GradingFailure)) throw error;
      console.error(`[socklab] ${error.details.summary}${error.details.hint ? `\n[socklab] ${error.details.hint.replace(/\n/g, '\n[socklab] ')}` : ''}`);
      await program.stop();
    }
  } else {
    process.stdin.on('data', (chunk: Buffer) => program.writeStdin(chunk));
    process.stdin.on('end', () => program.endStdin());
  }
  const status = await program.exited;
  await program.stop();
  process.stdin.destroy();
  await rm(buildDir, { recursive: true, force: true });
  for (const sample of samples) await sample.dispose();
  if (isServer) console.error(`[socklab] the program ${status.signal ? `was stopped by ${status.signal}` : `exited with code ${status.code}`}`);
  return status.code ?? 1;
}
