// A real client against the reference http-server: curl must get what a browser would, so the reference (and the
// grader that compares with it) speaks HTTP as real clients expect. curl comes from Debian's curl package (.ci/run).
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SECRET_TEXT, siteFile, buildWebRoot, type WebRoot } from '../../harness/fixtures/web-root.ts';
import { freePort } from '../../harness/ports.ts';
import { launch, prepareCopy, type PreparedCopy } from '../../harness/launcher.ts';
import type { RunningProgram } from '../../harness/running-program.ts';
import { solutionsDir } from '../grader/kit-paths.ts';

let site: WebRoot;
let copy: PreparedCopy;
let server: RunningProgram;
let base: string;

beforeAll(async () => {
  site = await buildWebRoot();
  const prepared = await prepareCopy(path.join(solutionsDir, 'http-server'), 'server');
  if ('error' in prepared) throw new Error(prepared.error.summary);
  copy = prepared;
  const port = await freePort();
  server = await launch(copy.prepared, { args: ['--port', String(port), '--root', site.root], lifetimeMs: 0, listen: { port } });
  base = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  await server?.stop();
  await copy?.dispose();
  await site?.dispose();
});

/** Runs curl; its absence fails the test with the package to install. */
async function curl(args: string[]) {
  const result = await execa('curl', ['--silent', '--show-error', '--max-time', '10', ...args], { reject: false, encoding: 'buffer', stripFinalNewline: false });
  if ((result as { code?: string }).code === 'ENOENT') throw new Error('curl is not installed: install Debian\'s curl package (.ci/run does)');
  return { code: result.exitCode, stdout: Buffer.from(result.stdout), stderr: Buffer.from(result.stderr).toString('utf8') };
}

describe('curl against the reference http-server', () => {
  test('GET: status, type and the exact bytes of text and binary files', async () => {
    for (const urlPath of ['/hello.txt', '/utf8.txt', '/bytes.bin', '/caf%C3%A9.txt']) {
      const result = await curl(['--output', '-', `${base}${urlPath}`]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout.equals(siteFile(urlPath).bytes), urlPath).toBe(true);
    }
    const typed = await curl(['--output', '/dev/null', '--write-out', '%{http_code} %{content_type}', `${base}/pixel.png`]);
    expect(typed.stdout.toString()).toBe('200 image/png');
  });

  test('HEAD (-I): 200 and the file\'s Content-Length, no body', async () => {
    const result = await curl(['-I', `${base}/utf8.txt`]);
    const headText = result.stdout.toString('latin1');
    expect(headText).toMatch(/^HTTP\/1\.1 200 /);
    expect(headText).toMatch(new RegExp(`\\r\\ncontent-length: ${siteFile('/utf8.txt').bytes.length}\\r\\n`, 'i'));
    expect(headText.endsWith('\r\n\r\n')).toBe(true);
  });

  test('two URLs in one invocation reuse one keep-alive connection', async () => {
    const result = await curl(['-v', '--output', '/dev/null', '--output', '/dev/null', `${base}/hello.txt`, `${base}/docs/`]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/Re-using existing connection/i);
  });

  test('404 for a missing file, 301 for a folder without its slash (followed with -L)', async () => {
    const missing = await curl(['--output', '/dev/null', '--write-out', '%{http_code}', `${base}/no-such-file.txt`]);
    expect(missing.stdout.toString()).toBe('404');
    const followed = await curl(['-L', '--output', '-', '--write-out', '\n%{http_code} %{num_redirects}', `${base}/docs`]);
    expect(followed.stdout.toString()).toBe(`${siteFile('/docs/index.html').bytes.toString()}\n200 1`);
  });

  test('-z (If-Modified-Since): 304 when not modified since, 200 when modified', async () => {
    const notModified = await curl(['--output', '/dev/null', '--write-out', '%{http_code}', '-z', 'Sun, 05 Nov 2023 08:49:37 GMT', `${base}/hello.txt`]);
    expect(notModified.stdout.toString()).toBe('304');
    const modified = await curl(['--output', '/dev/null', '--write-out', '%{http_code}', '-z', 'Sat, 04 Nov 2023 08:49:37 GMT', `${base}/hello.txt`]);
    expect(modified.stdout.toString()).toBe('200');
  });

  test('--path-as-is traversal is refused and leaks nothing', async () => {
    for (const urlPath of ['/../secret.txt', '/%2e%2e/secret.txt', '/outside-link.txt']) {
      const result = await curl(['--path-as-is', '--output', '-', '--write-out', '\n%{http_code}', `${base}${urlPath}`]);
      const text = result.stdout.toString('latin1');
      expect(text.includes(SECRET_TEXT.trim()), urlPath).toBe(false);
      expect(['403', '404', '400']).toContain(text.split('\n').at(-1));
    }
  });

  test('HTTP/1.0 (--http1.0) is served', async () => {
    const result = await curl(['--http1.0', '--output', '-', `${base}/hello.txt`]);
    expect(result.stdout.equals(siteFile('/hello.txt').bytes)).toBe(true);
  });
});
