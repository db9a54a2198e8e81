// The environment a student program gets: enough to run, none of the grader's or the machine's secrets.

/** Variables passed through when set; everything else (tokens, keys, NODE_OPTIONS, VITEST_*) is left out. */
const PASSED = ['PATH', 'HOME', 'TMPDIR', 'TEMP', 'TMP', 'TZ', 'SYSTEMROOT', 'PYENV_ROOT', 'PYENV_VERSION'];

/** A clean environment for an untrusted program, with UTF-8 text by default in Node and Python alike. */
export function programEnvironment(source: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of PASSED) {
    const value = source[name];
    if (value !== undefined) env[name] = value;
  }
  env.LANG = 'C.UTF-8';
  env.LC_ALL = 'C.UTF-8';
  env.PYTHONIOENCODING = 'utf-8';
  env.PYTHONUNBUFFERED = '1';
  env.PYTHONDONTWRITEBYTECODE = '1';
  return env;
}
