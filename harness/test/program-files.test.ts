// Which file plays a role: found by name and extension, and every way of getting that wrong named clearly.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { CannotJudge } from '../failure.ts';
import { PROGRAM_EXTENSIONS, findProgramFile } from '../program-files.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'socklab-program-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let folders = 0;
/** A fresh folder holding the named (empty) files. */
function folderWith(...names: string[]): string {
  const dir = path.join(root, String(folders++));
  mkdirSync(dir);
  for (const name of names) writeFileSync(path.join(dir, name), '');
  return dir;
}

function cannotJudge(dir: string, role = 'server'): CannotJudge {
  try {
    findProgramFile(dir, role);
  } catch (error) {
    expect(error).toBeInstanceOf(CannotJudge);
    return error as CannotJudge;
  }
  throw new Error('expected a CannotJudge');
}

describe('findProgramFile', () => {
  test.each(PROGRAM_EXTENSIONS)('finds server%s', (ext) => {
    const dir = folderWith(`server${ext}`, 'client.ts', 'README.md');
    expect(findProgramFile(dir, 'server')).toBe(path.join(dir, `server${ext}`));
  });

  test('another role beside it is not a second program', () => {
    const dir = folderWith('server.ts', 'client.py');
    expect(findProgramFile(dir, 'client')).toBe(path.join(dir, 'client.py'));
  });

  test('two programs for one role: names both, asks to keep one', () => {
    const dir = folderWith('server.ts', 'server.py');
    const error = cannotJudge(dir);
    expect(error.message).toBe(`there are 2 server programs in ${dir}: server.ts, server.py`);
    expect(error.details.hint).toContain('Keep exactly one server program');
  });

  test('none: lists the names that would do', () => {
    const error = cannotJudge(folderWith('client.ts', 'notes.txt'));
    expect(error.message).toMatch(/^there is no server program in /);
    expect(error.details.hint).toBe('Create one of: server.ts, server.js, server.mjs, server.py.');
  });

  test.each([['UDPServer.py'], ['Server.ts'], ['server.tsx'], ['my_server.js']])('none, but %s looks like it: says so', (name) => {
    const error = cannotJudge(folderWith(name, 'client.ts'));
    expect(error.details.hint).toContain(`The folder has ${name}: if that is your server, rename it`);
    expect(error.details.hint).not.toContain('client.ts');
  });

  test('a folder that does not exist: says so and how to point --target', () => {
    const error = cannotJudge(path.join(root, 'nowhere'));
    expect(error.message).toContain('does not exist, so there is no server program to run');
    expect(error.details.hint).toContain('--target');
  });
});
