// The report as JSON, exactly the validated model (grading/schemas/report.schema.json).
import type { Report } from '../grader/report.ts';

export function renderJson(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
