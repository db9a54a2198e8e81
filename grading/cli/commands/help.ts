// `socklab help`: the commands and their options in one screen.

export const HELP = `socklab — socket-programming exercises, graded over real sockets (Kurose & Ross, chapter 2)

  socklab list
      The exercises, their titles and their programs.
  socklab test <exercise> [--target DIR] [--case ID…] [--all] [--seed N] [--timeout-scale X]
      Grade one exercise the way a student works: every failure explained. Exit 1 while anything fails.
      --all also runs the cases that are hidden from students on a grading platform.
  socklab grade [exercise…] [--target DIR] [--format text|json|gradescope|junit|markdown] [--out FILE]
                [--fail-under PCT] [--case ID…] [--seed N] [--timeout-scale X] [--jobs N]
      Grade exercises (all when none is named). Exit 0 whatever the score; 1 with --fail-under when the score is
      lower; 2 for a usage error or a broken kit.
  socklab run <exercise> <role> [--target DIR] [--port N] [-- program options]
      Start one program by hand and print its port, to try it with nc, curl or dig.
  socklab serve <exercise> [--case ID] [--seed N] [--port N] [--timeout-scale X]
      Start the grader's own server for a client case (default: the exercise's first), the one a failure's
      "reproduce by hand" lines name, and print the conversation as it happens. Ctrl-C stops it.
  socklab plot p2p-distribution [--target DIR] --out FILE.svg
      Draw the exercise's figure (textbook figure 2.23) from the target's own program, beside the reference's
      curves where they differ.

  --target DIR        the folder holding the exercise folders (default: the kit's exercises/)
  --case ID           only this case (repeatable); a failure's title shows its id: exercise/ID
  --seed N            the same random inputs again (every report prints its seed)
  --timeout-scale X   multiply every wait by X on a slow machine (also SOCKLAB_TIMEOUT_SCALE)
`;

export async function helpCommand(): Promise<number> {
  process.stdout.write(HELP);
  return 0;
}
