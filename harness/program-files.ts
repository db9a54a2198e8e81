// Finds the one file that plays a role in a target folder: the language is told by its extension.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { CannotJudge } from './failure.ts';

/** Extensions a program may have, and how each is run. TypeScript is compiled once per run first. */
export const PROGRAM_EXTENSIONS = ['.ts', '.js', '.mjs', '.py'] as const;
export type ProgramExtension = (typeof PROGRAM_EXTENSIONS)[number];

/** The path of the program for `role` in `dir`; a CannotJudge error when there is none or more than one. */
export function findProgramFile(dir: string, role: string): string {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new CannotJudge({
      summary: `the folder ${dir} does not exist, so there is no ${role} program to run`,
      hint: 'Point --target at the folder that holds the exercise folders (the default is exercises/).',
    });
  }
  const candidates = PROGRAM_EXTENSIONS.map((ext) => role + ext).filter((name) => names.includes(name));
  if (candidates.length === 0) {
    // A file named after the role in another way (UDPServer.py, Server.ts, server.tsx) is most likely the one.
    const lookalikes = names.filter((name) => name.toLowerCase().includes(role.toLowerCase())).slice(0, 5);
    throw new CannotJudge({
      summary: `there is no ${role} program in ${dir}`,
      hint: `Create one of: ${PROGRAM_EXTENSIONS.map((ext) => role + ext).join(', ')}.` +
        (lookalikes.length > 0
          ? `\nThe folder has ${lookalikes.join(', ')}: if that is your ${role}, rename it to one of those names.`
          : ''),
    });
  }
  if (candidates.length > 1) {
    throw new CannotJudge({
      summary: `there are ${candidates.length} ${role} programs in ${dir}: ${candidates.join(', ')}`,
      hint: `Keep exactly one ${role} program, so the grader knows which one you mean; delete or rename the others.`,
    });
  }
  return path.join(dir, candidates[0]);
}
