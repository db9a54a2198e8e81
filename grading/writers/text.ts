// The terminal view of a report: a line per case, then each failure in full, then the score.
import path from 'node:path';
import type { ExerciseResult, Report, TestResult } from '../grader/report.ts';

const useColor = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code: number, text: string) => (useColor ? `\u001b[${code}m${text}\u001b[0m` : text);
const green = (text: string) => paint(32, text);
const red = (text: string) => paint(31, text);
const yellow = (text: string) => paint(33, text);
const bold = (text: string) => paint(1, text);

const MARK: Record<TestResult['status'], string> = { passed: green('✓'), failed: red('✗'), error: yellow('!') };

function indent(text: string, by = '    '): string {
  return text.split('\n').map((line) => (line ? by + line : line)).join('\n');
}

function exerciseLines(exercise: ExerciseResult): string[] {
  const section = exercise.textbookSection ? ` (textbook ${exercise.textbookSection})` : '';
  const out = ['', bold(`${exercise.id} — ${exercise.title}${section}`)];
  for (const problem of exercise.problems) out.push(yellow('  cannot run a program:'), indent(problem));
  const width = Math.max(...exercise.tests.map((test) => test.name.length), 20);
  for (const test of exercise.tests) {
    const hidden = test.visibility === 'visible' ? '' : `  [${test.visibility}]`;
    out.push(`  ${MARK[test.status]} ${test.name.padEnd(width)}  ${test.score}/${test.maxScore}${hidden}`);
  }
  if (exercise.notRun > 0) out.push(`  … ${exercise.notRun} more cases were not run this time (hidden cases run with --all; --case runs only the cases named)`);
  for (const test of exercise.tests.filter((t) => t.status !== 'passed')) {
    const label = test.status === 'error' ? yellow('could not judge') : red('failed');
    out.push('', `  ${MARK[test.status]} ${bold(`${exercise.id}/${test.id}`)} ${label} — ${test.name} (${test.score}/${test.maxScore})`);
    out.push(indent(test.message));
  }
  return out;
}

/** The report as text for a terminal (students) or a log (instructors, CI). */
export function renderText(report: Report): string {
  const target = path.relative(process.cwd(), report.target) || '.';
  const out = [`socklab ${report.kit.version} · target ${target} · seed ${report.seed}`];
  for (const exercise of report.exercises) out.push(...exerciseLines(exercise));
  const tests = report.exercises.flatMap((exercise) => exercise.tests);
  const passed = tests.filter((test) => test.status === 'passed').length;
  const summary = `${passed} of ${tests.length} cases pass · ${report.score}/${report.maxScore} points · ${(report.durationMs / 1000).toFixed(1)} s`;
  out.push('', passed === tests.length ? green(summary) : bold(summary));
  return out.join('\n') + '\n';
}
