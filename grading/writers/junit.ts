// The report as JUnit XML, which CI systems show as test results; valid against the Jenkins xUnit plugin's JUnit
// schema (a copy: grading/schemas/vendor/junit-10.xsd), which allows properties on a suite, not on a case.
import type { Report } from '../grader/report.ts';
import { studentView } from './student-view.ts';

function xml(text: string): string {
  // Control characters other than tab and newline are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;')
    .replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);
const property = (name: string, value: string | number) => `<property name="${xml(name)}" value="${xml(String(value))}"/>`;

/**
 * One <testsuite> per exercise with its score and max score as properties; a case's points in its <system-out>.
 * Hidden cases are left out as Gradescope leaves them out; the suite says how many there were, never their results.
 */
export function renderJunit(report: Report): string {
  const views = report.exercises.map((exercise) => ({ exercise, ...studentView(exercise) }));
  const all = views.flatMap((view) => view.shown);
  const count = (status: string, tests = all) => tests.filter((test) => test.status === status).length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="socklab" tests="${all.length}" failures="${count('failed')}" errors="${count('error')}" time="${seconds(report.durationMs)}">`];
  for (const { exercise, shown, hiddenCount, score, maxScore } of views) {
    const time = shown.reduce((sum, test) => sum + test.durationMs, 0);
    out.push(`  <testsuite name="${xml(exercise.id)}" tests="${shown.length}" failures="${count('failed', shown)}" errors="${count('error', shown)}" skipped="0" time="${seconds(time)}" timestamp="${report.startedAt.replace(/\.\d+Z$/, '')}">`);
    out.push(`    <properties>${property('score', score)}${property('maxScore', maxScore)}${property('hiddenCases', hiddenCount)}${property('seed', report.seed)}</properties>`);
    for (const test of shown) {
      out.push(`    <testcase classname="${xml(exercise.id)}" name="${xml(`${test.id}: ${test.name}`)}" time="${seconds(test.durationMs)}">`);
      const first = test.message.split('\n')[0];
      if (test.status === 'failed') out.push(`      <failure message="${xml(first)}" type="failed">${xml(test.message)}</failure>`);
      if (test.status === 'error') out.push(`      <error message="${xml(first)}" type="could not judge">${xml(test.message)}</error>`);
      out.push(`      <system-out>${xml(`score ${test.score}/${test.maxScore} · level ${test.level}${test.reference ? ` · ${test.reference}` : ''}`)}</system-out>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
