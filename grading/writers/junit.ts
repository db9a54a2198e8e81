// The report as JUnit XML, which CI systems show as test results.
import type { Report } from '../grader/report.ts';

function xml(text: string): string {
  // Control characters other than tab and newline are not allowed in XML 1.0 at all.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/&/g, '&amp;').replace(/</g, '&lt;')
    .replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function renderJunit(report: Report): string {
  const all = report.exercises.flatMap((exercise) => exercise.tests);
  const count = (status: string, tests = all) => tests.filter((test) => test.status === status).length;
  const out = ['<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="socklab" tests="${all.length}" failures="${count('failed')}" errors="${count('error')}" time="${seconds(report.durationMs)}">`];
  for (const exercise of report.exercises) {
    out.push(`  <testsuite name="${xml(exercise.id)}" tests="${exercise.tests.length}" failures="${count('failed', exercise.tests)}" errors="${count('error', exercise.tests)}">`);
    out.push(`    <properties><property name="score" value="${exercise.score}"/><property name="maxScore" value="${exercise.maxScore}"/></properties>`);
    for (const test of exercise.tests) {
      out.push(`    <testcase classname="${xml(exercise.id)}" name="${xml(`${test.id}: ${test.name}`)}" time="${seconds(test.durationMs)}">`);
      out.push(`      <properties><property name="score" value="${test.score}"/><property name="maxScore" value="${test.maxScore}"/><property name="visibility" value="${test.visibility}"/></properties>`);
      const first = test.message.split('\n')[0];
      if (test.status === 'failed') out.push(`      <failure message="${xml(first)}">${xml(test.message)}</failure>`);
      if (test.status === 'error') out.push(`      <error message="${xml(first)}">${xml(test.message)}</error>`);
      out.push('    </testcase>');
    }
    out.push('  </testsuite>');
  }
  out.push('</testsuites>');
  return out.join('\n') + '\n';
}
