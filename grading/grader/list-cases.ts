// Lists an exercise's cases without running any: ids, levels, points and groups, in the README's teaching order.
import type { Manifest } from '../../harness/run-settings.ts';
import type { TestResult } from './report.ts';
import { inTeachingOrder } from './readme-groups.ts';
import { runSuites } from './run-suites.ts';

/** Every case of the exercises, declared but skipped: what `socklab test <id> --list` prints. */
export async function listCases(manifests: Record<string, Manifest>, target: string): Promise<Record<string, TestResult[]>> {
  const results = await runSuites({
    target, targetOption: '', seed: 0, visibleOnly: false, listOnly: true, manifests, programs: {},
  }, 1);
  return Object.fromEntries(Object.keys(manifests).map((id) => [id, inTeachingOrder(id, results.skipped[id] ?? [])]));
}

/** The listing as text: one line per case under its group heading. */
export function renderCaseList(lists: Record<string, TestResult[]>): string {
  const out: string[] = [];
  for (const [id, tests] of Object.entries(lists)) {
    out.push(`${id}: ${tests.length} cases, ${tests.reduce((sum, test) => sum + test.maxScore, 0)} points` +
      ` (core ${tests.filter((test) => test.level === 'core').reduce((sum, test) => sum + test.maxScore, 0)})`);
    const width = Math.max(...tests.map((test) => test.id.length));
    let group: string | undefined;
    for (const test of tests) {
      if (test.group !== group) out.push(`  ${test.group}`);
      group = test.group;
      const hidden = test.visibility === 'visible' ? '' : ` [${test.visibility}]`;
      out.push(`    ${test.id.padEnd(width)}  ${test.level.padEnd(4)}  ${String(test.maxScore).padStart(2)} pt  ${test.role}${hidden}`);
    }
  }
  return out.join('\n') + '\n';
}
