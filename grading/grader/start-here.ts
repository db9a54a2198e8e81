// Where a student starts, role by role: what the program must do, the file and TODO to open, how to try it by hand.
// A report shows these lines instead of a wall of failures while a program does nothing yet.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { CannotJudge } from '../../harness/failure.ts';
import { findProgramFile } from '../../harness/program-files.ts';
import type { Manifest, RoleSpec } from '../../harness/run-settings.ts';

/** "server.ts, line 14: TODO 1: create a UDP socket …", or the file alone when it has no TODO left. */
function firstTodo(dir: string, role: string): string {
  let file: string;
  try {
    file = findProgramFile(dir, role);
  } catch (error) {
    if (error instanceof CannotJudge) return `create ${role}.ts (or .js, .mjs, .py) in ${path.relative(process.cwd(), dir) || '.'}`;
    throw error;
  }
  const shown = path.relative(process.cwd(), file);
  const lines = readFileSync(file, 'utf8').split('\n');
  const index = lines.findIndex((line) => /\bTODO\b/.test(line));
  if (index < 0) return `open ${shown}`;
  const todo = lines[index].replace(/^\s*(\/\/|#)\s*/, '').trim();
  return `open ${shown}:${index + 1}  ${todo}`;
}

/** How to try the role by hand, with the kit's own commands. */
function tryLines(id: string, role: string, spec: RoleSpec, targetOption: string): string[] {
  const run = `npx socklab run ${id} ${role}${targetOption}`;
  if (spec.kind === 'server') {
    const tryIt = spec.try?.replace(/\{port\}/g, 'PORT')
      ?? (spec.transport === 'udp' ? 'printf \'hello\' | nc -u -w1 127.0.0.1 PORT' : 'nc 127.0.0.1 PORT');
    return [`${run}   # starts it and prints its PORT`, `${tryIt}   # from another terminal`];
  }
  if (spec.kind === 'client') {
    return [`printf 'hello\\n' | ${run} --port PORT   # PORT: a server's, e.g. yours under \`npx socklab run ${id} server\``];
  }
  return [`${run}${spec.example ? ` -- ${spec.example}` : ''}`];
}

/** The start-here lines of every role of an exercise, read from its manifest and the target's files. */
export function startHere(manifest: Manifest, dir: string, targetOption: string): Record<string, string[]> {
  const guides: Record<string, string[]> = {};
  for (const [role, spec] of Object.entries(manifest.roles)) {
    guides[role] = [
      `what      your ${role} ${spec.summary ?? 'does what README.md says'} (the contract: exercises/${manifest.id}/README.md)`,
      `start     ${firstTodo(dir, role)}`,
      ...tryLines(manifest.id, role, spec, targetOption).map((line, index) => `${index === 0 ? 'try it   ' : '         '} ${line}`),
    ];
  }
  return guides;
}
