// The report as Markdown, for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment.
import type { Report } from '../grader/report.ts';

const ICON = { passed: '✅', failed: '❌', error: '⚠️' } as const;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function renderMarkdown(report: Report): string {
  const out = [`## socklab: ${report.score}/${report.maxScore} points`, '', `seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s`];
  for (const exercise of report.exercises) {
    out.push('', `### ${exercise.id} — ${exercise.score}/${exercise.maxScore}`, '');
    for (const problem of exercise.problems) out.push('```', problem, '```', '');
    out.push('| | case | points |', '|---|---|---|');
    for (const test of exercise.tests) out.push(`| ${ICON[test.status]} | ${cell(test.name)} | ${test.score}/${test.maxScore} |`);
    for (const test of exercise.tests.filter((t) => t.status !== 'passed')) {
      out.push('', `<details><summary>${ICON[test.status]} ${cell(test.id)}</summary>`, '', '```', test.message, '```', '</details>');
    }
  }
  return out.join('\n') + '\n';
}
