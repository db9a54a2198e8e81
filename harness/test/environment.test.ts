// A student program gets what it needs to run and none of the grader's secrets.
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { programEnvironment } from '../environment.ts';
import { expectExit } from '../program-expectations.ts';
import { RunningProgram } from '../running-program.ts';

const SECRETS = {
  GITHUB_TOKEN: 'ghp_secret', GH_TOKEN: 'gh_secret', NPM_TOKEN: 'npm_secret', AWS_SECRET_ACCESS_KEY: 'aws',
  ANTHROPIC_API_KEY: 'key', NODE_OPTIONS: '--require ./evil.js', VITEST_POOL_ID: '1', npm_config_registry: 'x',
  SOCKLAB_TIMEOUT_SCALE: '2', LD_PRELOAD: './evil.so', CI: 'true',
};

const saved = { ...process.env };
afterEach(() => {
  for (const name of Object.keys(SECRETS)) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
});

describe('programEnvironment', () => {
  test('passes PATH and HOME, sets UTF-8 text for Node and Python, and nothing else', () => {
    const env = programEnvironment({ PATH: '/usr/bin', HOME: '/home/student', ...SECRETS });
    expect(env).toEqual({
      PATH: '/usr/bin', HOME: '/home/student',
      LANG: 'C.UTF-8', LC_ALL: 'C.UTF-8',
      PYTHONIOENCODING: 'utf-8', PYTHONUNBUFFERED: '1', PYTHONDONTWRITEBYTECODE: '1',
    });
  });

  test('a real program started by the harness sees none of the secrets of the grader\'s environment', async () => {
    Object.assign(process.env, SECRETS);
    const program = new RunningProgram({
      role: 'command',
      file: path.join(process.cwd(), 'print-env.js'),
      command: process.execPath,
      args: ['-e', 'process.stdout.write(JSON.stringify(process.env))'],
      cwd: os.tmpdir(),
    }, { args: [], stdin: '' });
    await expectExit(program, { code: 0 });
    const seen = JSON.parse(program.stdout.head().toString()) as Record<string, string>;
    for (const name of Object.keys(SECRETS)) expect(seen[name], name).toBeUndefined();
    expect(seen.PATH).toBe(process.env.PATH);
    expect(seen.LC_ALL).toBe('C.UTF-8');
  });
});
