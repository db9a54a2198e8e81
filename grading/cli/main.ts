// The socklab command line: picks the subcommand and turns kit and usage errors into exit code 2.
import { KitError } from '../grader/kit-error.ts';
import { gradeCommand } from './commands/grade.ts';
import { helpCommand } from './commands/help.ts';
import { listCommand } from './commands/list.ts';
import { runCommand } from './commands/run.ts';
import { testCommand } from './commands/test.ts';

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  list: listCommand,
  test: testCommand,
  grade: gradeCommand,
  run: runCommand,
  help: helpCommand,
  '--help': helpCommand,
  '-h': helpCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS[name ?? 'help'];
  if (!command) {
    console.error(`socklab: unknown command "${name}"; the commands are list, test, grade, run, help`);
    return 2;
  }
  try {
    return await command(args);
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
