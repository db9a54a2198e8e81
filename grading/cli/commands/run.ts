// `socklab run <id> <role>`: starts one program by hand, on a port it prints, to try with nc, curl or dig.
import path from 'node:path';
import { renderDetails } from '../../../harness/failure.ts';
import { buildFixture, type BuiltFixture } from '../../../harness/fixtures/index.ts';
import { freePort } from '../../../harness/ports.ts';
import { fillArguments, launch, prepareCopy } from '../../../harness/launcher.ts';
import type { RunningProgram } from '../../../harness/running-program.ts';
import { GradingFailure } from '../../../harness/failure.ts';
import { UsageError } from '../../grader/kit-error.ts';
import { loadManifests } from '../../grader/load-manifests.ts';
import { numberOption, parseOptions, resolveTarget } from '../options.ts';

/** The role's argument template filled in; template options the user passed after `--` give way to theirs. */
function programArguments(template: string[], vars: Record<string, string>, extra: string[], where: string): string[] {
  const missing = (name: string, option: string | undefined) => {
    // --port is socklab run's own option (the READMEs and repro lines use it); anything else goes after --.
    const how = name === 'port' ? `socklab run ${where} --port PORT (the port your server listens on)`
      : `socklab run ${where} -- ${option} ${name.toUpperCase()}`;
    return new UsageError(`socklab run ${where}: this program needs ${option} ${name.toUpperCase()}, e.g. ${how}`);
  };
  return [...fillArguments(template, vars, missing, extra), ...extra];
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
  const programArgs = programArguments(spec.args, vars, extra, `${id} ${role}`);

  const copy = await prepareCopy(path.join(target, id), role);
  if ('error' in copy) {
    console.error(renderDetails(copy.error).join('\n'));
    for (const sample of samples) await sample.dispose();
    return 1;
  }
  const { prepared } = copy;
  const isServer = spec.kind === 'server';
  const showErr = prefixed('[your_program]');
  let program: RunningProgram | undefined;
  const starting = launch(prepared, {
    args: programArgs,
    lifetimeMs: 0,
    onOutput: (stream, chunk) => (isServer || stream === 'stderr' ? showErr(chunk) : process.stdout.write(chunk)),
    listen: isServer && port !== undefined ? { port, transport: spec.transport } : undefined,
    started: (running) => {
      program = running;
      console.error(`[socklab] started ${path.relative(process.cwd(), prepared.file)} ${programArgs.join(' ')} (pid ${running.pid})`);
      const stop = () => { void running.stop(); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    },
  });
  if (isServer && port !== undefined) {
    try {
      await starting;
      const tryIt = spec.try?.replace(/\{port\}/g, String(port))
        ?? (spec.transport === 'udp' ? `printf 'hello' | nc -u -w1 127.0.0.1 ${port}` : `nc 127.0.0.1 ${port}`);
      console.error(`[socklab] listening on 127.0.0.1:${port} (${(spec.transport ?? 'tcp').toUpperCase()}). Try: ${tryIt}`);
      console.error('[socklab] Ctrl-C stops it.');
    } catch (error) {
      if (!(error instanceof GradingFailure)) throw error;
      console.error(`[socklab] ${error.details.summary}${error.details.hint ? `\n[socklab] ${error.details.hint.replace(/\n/g, '\n[socklab] ')}` : ''}`);
      await program!.stop();
    }
  } else {
    await starting;
    process.stdin.on('data', (chunk: Buffer) => program!.writeStdin(chunk));
    process.stdin.on('end', () => program!.endStdin());
  }
  const status = await program!.exited;
  await program!.stop();
  process.stdin.destroy();
  await copy.dispose();
  for (const sample of samples) await sample.dispose();
  if (isServer) console.error(`[socklab] the program ${status.signal ? `was stopped by ${status.signal}` : `exited with code ${status.code}`}`);
  return status.code ?? 1;
}
