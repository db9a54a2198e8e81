// The student-facing writers: JUnit against the Jenkins xUnit plugin's schema, hidden cases kept from students,
// Gradescope's numbering and tags.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { schemasDir } from '../grader/kit-paths.ts';
import type { Report, TestResult } from '../grader/report.ts';
import { assertValid } from '../grader/schema-validator.ts';
import { renderGradescope, renderGradescopeKitFailure } from '../writers/gradescope.ts';
import { renderJunit } from '../writers/junit.ts';
import { renderMarkdown } from '../writers/markdown.ts';
import { readSchema, schemaProblems } from './xsd-subset.ts';

const rules = readSchema(path.join(schemasDir, 'vendor', 'junit-10.xsd'));

function testResult(id: string, status: TestResult['status'], visibility: TestResult['visibility'], message = ''): TestResult {
  return { id, name: `checks ${id} <&> "quoted"`, status, score: status === 'passed' ? 2 : 0, maxScore: 2, level: 'core', visibility, durationMs: 12, message };
}

const report: Report = assertValid<Report>('report', {
  schemaVersion: 1, kit: { name: 'socklab', version: '0.1.0' }, target: 'x', seed: 7, startedAt: '2026-11-29T10:00:00.000Z',
  durationMs: 1234, score: 4, maxScore: 8,
  exercises: [{
    id: 'demo', title: 'Demo', score: 4, maxScore: 8, problems: [], notRun: 0,
    tests: [
      testResult('ok', 'passed', 'visible'),
      testResult('wrong', 'failed', 'visible', 'sent "a\\r\\n"\nexpected <b>\u0001'),
      testResult('secret', 'failed', 'hidden', 'SECRET-DETAIL the hidden input'),
      testResult('later', 'passed', 'after_due_date'),
    ],
  }],
}, 'the sample report');

describe('JUnit', () => {
  test('the schema reader finds the rules that matter', () => {
    expect([...rules.get('testcase')!.children]).not.toContain('properties');
    expect([...rules.get('testsuite')!.children]).toContain('properties');
    expect(rules.get('testsuite')!.required).toEqual(new Set(['tests']));
  });

  test('the writer\'s output is valid against junit-10.xsd', () => {
    expect(schemaProblems(renderJunit(report), rules)).toEqual([]);
  });

  test('the check rejects what Jenkins rejects: properties inside a testcase, an unknown attribute', () => {
    const bad = '<testsuites><testsuite tests="1" score="3"><testcase name="a"><properties/></testcase></testsuite></testsuites>';
    expect(schemaProblems(bad, rules)).toEqual([
      'testsuites/testsuite: <testsuite> may not have the attribute score',
      'testsuites/testsuite/testcase: <testcase> may not contain <properties>',
    ]);
    expect(schemaProblems('<testsuites><testsuite/></testsuites>', rules)).toEqual(['testsuites/testsuite: <testsuite> lacks the required attribute tests']);
  });

  test('suites carry time, score and max score of the shown cases; hidden cases are counted, never described', () => {
    const xml = renderJunit(report);
    expect(xml).toMatch(/<testsuite name="demo" tests="2" failures="1" errors="0" skipped="0" time="0.024"/);
    expect(xml).toContain('<property name="score" value="2"/><property name="maxScore" value="4"/><property name="hiddenCases" value="2"/>');
    expect(xml).not.toMatch(/secret|SECRET|later/);
  });
});

describe('Markdown', () => {
  test('hidden cases are counted, never named, scored or explained', () => {
    const markdown = renderMarkdown(report);
    expect(markdown).toContain('2/4 points on the visible cases');
    expect(markdown).toContain('2 more cases are graded but hidden');
    expect(markdown).toContain('checks wrong');
    expect(markdown).not.toMatch(/secret|SECRET|later/);
  });
});

describe('Gradescope', () => {
  test('numbers follow the report order, tags name the exercise and level, the total counts hidden cases', () => {
    const results = JSON.parse(renderGradescope(report));
    expect(results.tests.map((t: { number: string }) => t.number)).toEqual(['1.1', '1.2', '1.3', '1.4']);
    expect(results.tests[0].tags).toEqual(['demo', 'core']);
    expect(results.tests[2]).toMatchObject({ visibility: 'hidden', score: 0, max_score: 2 });
    expect(results.score).toBe(report.score);
  });

  test('a broken autograder still writes one visible result that says so', () => {
    const results = JSON.parse(renderGradescopeKitFailure());
    expect(results.tests).toEqual([expect.objectContaining({ visibility: 'visible', status: 'failed', name: 'the autograder failed (not your program): please tell your instructor' })]);
  });
});
