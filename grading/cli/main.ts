// The socklab command line: picks the subcommand and turns kit and usage errors into exit code 2.
import { gradeInSandbox } from '../grader/isolated-grading.ts';
import { KitError } from '../grader/kit-error.ts';

type Command = (args: string[]) => Promise<number>;

// Each command is loaded only when used: `list` and `run` start without loading the test runner.
const COMMANDS: Record<string, () => Promise<Command>> = {
  list: async () => (await import('./commands/list.ts')).listCommand,
  test: async () => (await import('./commands/test.ts')).testCommand,
  grade: async () => (await import('./commands/grade.ts')).gradeCommand,
  run: async () => (await import('./commands/run.ts')).runCommand,
  serve: async () => (await import('./commands/serve.ts')).serveCommand,
  plot: async () => (await import('./commands/plot.ts')).plotCommand,
  help: async () => (await import('./commands/help.ts')).helpCommand,
  doctor: async () => (await import('./commands/doctor.ts')).doctorCommand,
  export: async () => (await import('./commands/export.ts')).exportCommand,
  gradescope: async () => (await import('./commands/gradescope.ts')).gradescopeCommand,
  'grade-class': async () => (await import('./commands/grade-class.ts')).gradeClassCommand,
  'grade-submission': async () => (await import('./commands/grade-submission.ts')).gradeSubmissionCommand,
};
COMMANDS['--help'] = COMMANDS.help;
COMMANDS['-h'] = COMMANDS.help;

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const load = COMMANDS[name ?? 'help'];
  if (!load) {
    console.error(`socklab: unknown command "${name}"; the commands are list, test, grade, run, serve, plot, doctor, export, grade-submission, grade-class, gradescope, help`);
    return 2;
  }
  // `socklab <command> --help`: that command's usage, before any option is checked.
  const beforeDash = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (name !== undefined && (beforeDash.includes('--help') || beforeDash.includes('-h'))) {
    const { commandHelp, HELP } = await import('./commands/help.ts');
    process.stdout.write(commandHelp(name) ?? HELP);
    return 0;
  }
  try {
    // A grading run moves into its own network first, before this process loads the test runner only to hand over.
    if (name === 'grade' || name === 'test') {
      const isolated = await gradeInSandbox(name, beforeDash.includes('--require-sandbox'));
      if (isolated !== undefined) return isolated;
    }
    return await (await load())(args);
  } catch (error) {
    if (error instanceof KitError) {
      console.error(error.message);
      for (const line of error.details) console.error(`  ${line}`);
      return 2;
    }
    console.error(`kit error: ${(error as Error).stack ?? String(error)}`);
    return 2;
  }
}

process.exitCode = await main(process.argv.slice(2));
