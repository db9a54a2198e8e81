// The report as Markdown, for a GitHub Actions job summary ($GITHUB_STEP_SUMMARY) or a pull-request comment.
import type { Report } from '../grader/report.ts';
import { studentView } from './student-view.ts';

const ICON = { passed: '✅', failed: '❌', error: '⚠️' } as const;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

/** Students read it, so hidden cases are counted but never named or scored, as on Gradescope. */
export function renderMarkdown(report: Report): string {
  const views = report.exercises.map((exercise) => ({ exercise, ...studentView(exercise) }));
  const hidden = views.reduce((sum, view) => sum + view.hiddenCount, 0);
  const score = views.reduce((sum, view) => sum + view.score, 0);
  const maxScore = views.reduce((sum, view) => sum + view.maxScore, 0);
  const title = hidden === 0 ? `## socklab: ${report.score}/${report.maxScore} points` : `## socklab: ${score}/${maxScore} points on the visible cases`;
  const out = [title, '', `seed ${report.seed} · ${(report.durationMs / 1000).toFixed(1)} s`];
  if (hidden > 0) out.push('', `${hidden} more ${hidden === 1 ? 'case is' : 'cases are'} graded but hidden: ${hidden === 1 ? 'its' : 'their'} results count in the grade and are not shown here.`);
  for (const { exercise, shown, hiddenCount, score: exerciseScore, maxScore: exerciseMax } of views) {
    const more = hiddenCount > 0 ? ` (+ ${hiddenCount} hidden)` : '';
    out.push('', `### ${exercise.id} — ${exerciseScore}/${exerciseMax}${more}`, '');
    for (const problem of exercise.problems) out.push('```', problem, '```', '');
    out.push('| | case | points |', '|---|---|---|');
    for (const test of shown) out.push(`| ${ICON[test.status]} | ${cell(test.name)} | ${test.score}/${test.maxScore} |`);
    for (const test of shown.filter((t) => t.status !== 'passed')) {
      out.push('', `<details><summary>${ICON[test.status]} ${cell(test.id)}</summary>`, '', '```', test.message, '```', '</details>');
    }
  }
  return out.join('\n') + '\n';
}
