// `socklab help`: the commands and their options in one screen.

export const HELP = `socklab — socket-programming exercises, graded over real sockets (Kurose & Ross, chapter 2)

  socklab list
      The exercises, their titles and their programs.
  socklab test <exercise> [--target DIR] [--case ID…] [--role R] [--level core|rfc] [--all] [--bail] [--watch]
                          [--list] [--seed N] [--timeout-scale X]
      Grade one exercise the way a student works: every failure explained. Exit 1 while anything fails.
      --all also runs the cases that are hidden from students on a grading platform.
      --role server grades one role's program; --bail stops at the first failure; --watch grades again each
      time a file of the exercise is saved (Ctrl-C stops); --list lists the cases with level, points and group.
  socklab grade [exercise…] [--target DIR] [--format text|json|gradescope|junit|markdown] [--out FILE]
                [--fail-under PCT] [--case ID…] [--role R] [--level core|rfc] [--seed N] [--timeout-scale X]
                [--jobs N]
      Grade exercises (all when none is named). Exit 0 whatever the score; 1 with --fail-under when the score is
      lower; 2 for a usage error or a broken kit.
  socklab run <exercise> <role> [--target DIR] [--port N] [-- program options]
      Start one program by hand and print its port, to try it with nc, curl or dig.
  socklab serve <exercise> [--case ID] [--seed N] [--port N] [--timeout-scale X]
      Start the grader's own server for a client case (default: the exercise's first), the one a failure's
      "reproduce by hand" lines name, and print the conversation as it happens. Ctrl-C stops it.
  socklab doctor
      What this machine supports: the sandbox (bwrap, user/PID/network namespaces, limits) and the tools hints name.
      Exit 1 when the sandbox cannot be built here.
  socklab export --out DIR
      The students' copy of the kit: skeletons, READMEs, the grader and the visible cases; no solutions. DIR is new,
      empty, holds only .git, or is an earlier copy (everything but .git/ is replaced, to publish an update).
  socklab grade-submission UPLOAD --out DIR [--format a,b…] [--exercise ID…] [--seed N] [--fail-under PCT]
                           [--require-sandbox]
      Grade one student's upload (flat files, a folder with exercises/, or a .zip) once, in every format asked.
  socklab grade-class SUBMISSIONS --out DIR [--format a,b…] [--exercise ID…] [--seed N] [--jobs N] [--inner-jobs N]
                      [--time-limit S] [--force] [--shard I/N] [--require-sandbox]
  socklab grade-class --merge DIR… --out DIR
      Grade a class in parallel (resumable): reports per student, grades.csv, summary.md, histogram.svg.
      Exit 1 when a student could not be graded (a kit error, --time-limit): rerun to retry them.
  socklab gradescope [exercise…] --out autograder.zip [--seed N] [--sandbox-optional]
      A Gradescope autograder: setup.sh, run_autograder and the kit (docs/gradescope.md). --sandbox-optional: grade
      even where bubblewrap cannot run, unconfined (docs/gradescope.md says what that costs).
  socklab plot p2p-distribution [--target DIR] --out FILE.svg
      Draw the exercise's figure (textbook figure 2.23) from the target's own program, beside the reference's
      curves where they differ.

  --target DIR        the folder holding the exercise folders (default: the kit's exercises/)
  --case ID           only this case (repeatable); socklab test <exercise> --list lists the ids
  --level core|rfc    only the textbook lab's cases (core) or only the conformance depth (rfc)
  --seed N            the same random inputs again (every report prints its seed)
  --timeout-scale X   multiply every wait by X on a slow machine (also SOCKLAB_TIMEOUT_SCALE)
  --require-sandbox   (test, grade) refuse to grade, exit 2, where the sandbox cannot be built
`;

/** One command's part of the help (its usage lines and the shared options), for `socklab <command> --help`. */
export function commandHelp(name: string): string | undefined {
  const lines = HELP.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`  socklab ${name} `) || line === `  socklab ${name}`);
  if (start < 0) return undefined;
  let end = start + 1;
  while (end < lines.length && lines[end] !== '' && !lines[end].startsWith('  socklab ')) end += 1;
  const usage = lines.slice(start, end).join('\n');
  // The shared options' explanations, for the options this command's usage names.
  const options = lines.slice(lines.findIndex((line) => line.startsWith('  --target DIR')))
    .filter((line) => line !== '' && usage.includes(line.trim().split(/\s/)[0]));
  return [usage, ...(options.length > 0 ? ['', ...options] : []), ''].join('\n');
}

export async function helpCommand(): Promise<number> {
  process.stdout.write(HELP);
  return 0;
}
