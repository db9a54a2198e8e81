// The class at a glance from the students' JSON reports: grades.csv, pass rates per case, the cases most failed.
import type { Report } from '../grader/report.ts';

/** A graded student; `noProgram` when the upload held no program at all (graded as empty: a 0 to look into). */
export interface GradedStudent { name: string; report: Report; noProgram?: boolean }
export interface CaseStats { exercise: string; id: string; name: string; passed: number; graded: number; failures: Map<string, number> }

const csvCell = (value: string | number) => (/[",\n]/.test(String(value)) ? `"${String(value).replace(/"/g, '""')}"` : String(value));

/** grades.csv: a row per student (exercise scores, total, max, status); students not graded keep their row, empty. */
export function gradesCsv(exercises: string[], graded: GradedStudent[], notGraded: Array<{ name: string; status: string }>): string {
  const rows = [['student', ...exercises, 'total', 'max', 'status']];
  for (const { name, report, noProgram } of graded) {
    const byId = new Map(report.exercises.map((e) => [e.id, e.score]));
    rows.push([name, ...exercises.map((id) => String(byId.get(id) ?? '')), String(report.score), String(report.maxScore), noProgram ? 'no program in upload' : 'graded']);
  }
  for (const { name, status } of notGraded) rows.push([name, ...exercises.map(() => ''), '', '', status]);
  rows.sort((a, b) => (a === rows[0] ? -1 : b === rows[0] ? 1 : a[0].localeCompare(b[0])));
  return rows.map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}

/** A failure line with what differs between students' runs (their folder, ports) written the same way for all. */
function sameForEveryone(line: string, target: string): string {
  return line.split(target).join('<submission>').replace(/(127\.0\.0\.1|localhost|\]):\d+/g, '$1:PORT').replace(/\bport \d+/g, 'port N');
}

/** Per case: how many students passed it, and the first line of each failure message with how often it came. */
export function caseStats(graded: GradedStudent[]): CaseStats[] {
  const stats = new Map<string, CaseStats>();
  for (const { report } of graded) {
    for (const exercise of report.exercises) {
      for (const test of exercise.tests) {
        const key = `${exercise.id}/${test.id}`;
        const entry = stats.get(key) ?? { exercise: exercise.id, id: test.id, name: test.name, passed: 0, graded: 0, failures: new Map() };
        entry.graded += 1;
        if (test.status === 'passed') entry.passed += 1;
        else {
          const first = sameForEveryone(test.message.split('\n')[0] || '(no message)', report.target);
          entry.failures.set(first, (entry.failures.get(first) ?? 0) + 1);
        }
        stats.set(key, entry);
      }
    }
  }
  return [...stats.values()];
}

/** The most common first line of a case's failures. */
export function commonestFailure(stats: CaseStats): { message: string; count: number } | undefined {
  return [...stats.failures.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([message, count]) => ({ message, count }))[0];
}

/** The class summary in Markdown: scores, the cases most often failed with their commonest message, every pass rate. */
export function summaryMarkdown(graded: GradedStudent[], notGraded: Array<{ name: string; status: string }>, seed: number | undefined): string {
  const stats = caseStats(graded);
  const percents = graded.map(({ report }) => (report.maxScore === 0 ? 100 : (100 * report.score) / report.maxScore));
  const mean = percents.length ? percents.reduce((a, b) => a + b, 0) / percents.length : 0;
  const sorted = [...percents].sort((a, b) => a - b);
  const median = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : 0;
  const out = ['# Class summary', '', `${graded.length} students graded${notGraded.length ? `, ${notGraded.length} not graded (${notGraded.map((s) => `${s.name}: ${s.status}`).join('; ')})` : ''}` +
    `${seed !== undefined ? ` · seed ${seed}` : ''} · mean ${mean.toFixed(1)} % · median ${median.toFixed(1)} %`, ''];
  const empty = graded.filter((student) => student.noProgram).map((student) => student.name);
  if (empty.length) out.push(`${empty.length === 1 ? '1 upload' : `${empty.length} uploads`} held no program (graded as empty; each report says what the upload held): ${empty.join(', ')}`, '');
  out.push('![score histogram](histogram.svg)', '');
  const failed = stats.filter((s) => s.passed < s.graded).sort((a, b) => (a.passed / a.graded) - (b.passed / b.graded) || a.id.localeCompare(b.id)).slice(0, 10);
  out.push('## Most failed cases', '', '| case | passed | commonest first failure line |', '|---|---|---|');
  for (const s of failed) {
    const common = commonestFailure(s)!;
    out.push(`| ${s.exercise}/${s.id} | ${s.passed}/${s.graded} | ${common.message.replace(/\|/g, '\\|')} (${common.count}×) |`);
  }
  out.push('', '## Pass rate of every case', '', '| case | passed | rate |', '|---|---|---|');
  for (const s of stats) out.push(`| ${s.exercise}/${s.id} | ${s.passed}/${s.graded} | ${((100 * s.passed) / s.graded).toFixed(0)} % |`);
  return out.join('\n') + '\n';
}
