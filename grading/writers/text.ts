// The terminal view of a report: a line per case, then each failure in full, then the score.
import path from 'node:path';
import type { ExerciseResult, Report, TestResult } from '../grader/report.ts';
import { groupFailures } from './failure-groups.ts';

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

const points = (tests: TestResult[]) => tests.reduce((sum, test) => sum + test.maxScore, 0);

/** One line per case, under the README's headings, leaving out the roles shown as a start-here block. */
function caseLines(tests: TestResult[]): string[] {
  const out: string[] = [];
  const width = Math.max(...tests.map((test) => test.name.length), 20);
  let group: string | undefined;
  for (const test of tests) {
    if (test.group && test.group !== group) out.push(`  ${bold(test.group)}`);
    group = test.group;
    const hidden = test.visibility === 'visible' ? '' : `  [${test.visibility}]`;
    out.push(`  ${group ? '  ' : ''}${MARK[test.status]} ${test.name.padEnd(width)}  ${test.score}/${test.maxScore}${hidden}`);
  }
  return out;
}

function failureLines(exercise: ExerciseResult, test: TestResult): string[] {
  const label = test.status === 'error' ? yellow('could not judge') : red('failed');
  return ['', `  ${MARK[test.status]} ${bold(`${exercise.id}/${test.id}`)} ${label} — ${test.name} (${test.score}/${test.maxScore})`, indent(test.message)];
}

/** The last line the program wrote to stderr, as a failure message quotes it. */
function lastProgramLine(message: string): string | undefined {
  return message.split('\n').filter((line) => line.trim().startsWith('[your_program]')).at(-1)?.trim();
}

function exerciseLines(exercise: ExerciseResult): string[] {
  const section = exercise.textbookSection ? ` (textbook ${exercise.textbookSection})` : '';
  const out = ['', bold(`${exercise.id} — ${exercise.title}${section}`)];
  const view = groupFailures(exercise);
  const idleRoles = new Set(view.idle.map((idle) => idle.role));
  // A program that cannot run is shown once, in its role's block when that role does nothing else.
  for (const problem of exercise.problems) {
    if (view.idle.some((idle) => idle.cause.includes(problem.split('\n')[0]))) continue;
    out.push(yellow('  cannot run a program:'), indent(problem));
  }
  for (const idle of view.idle) {
    out.push('', `  ${MARK.failed} ${bold(`your ${idle.role} does nothing yet`)}: ${idle.tests.length} cases, ${points(idle.tests)} points wait for it`);
    out.push(...idle.guide.map((line) => `    ${line}`), `    now       ${idle.cause}`);
    const said = lastProgramLine(idle.tests[0].message);
    if (said) out.push(`              its stderr ends: ${said}`);
  }
  const shown = exercise.tests.filter((test) => !idleRoles.has(test.role ?? ''));
  if (shown.length > 0) out.push('', ...caseLines(shown));
  if (exercise.notRun > 0) out.push(`  … ${exercise.notRun} more cases were not run this time (hidden cases run with --all; --case, --role and --level run only the cases they name)`);
  for (const group of view.shared) {
    out.push('', `  ${MARK.failed} ${bold(`${group.tests.length} cases failed for one reason`)}: ${group.cause}`);
    out.push(`    it cost ${group.tests.map((test) => `${test.id} (${test.maxScore})`).join(', ')}; the first of them in full:`);
    out.push(...failureLines(exercise, group.tests[0]).slice(1));
  }
  for (const test of view.single) out.push(...failureLines(exercise, test));
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
