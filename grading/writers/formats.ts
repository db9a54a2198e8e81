// The report formats the CLI can write, by name: every one is written from the same report model.
import type { Report } from '../grader/report.ts';
import { renderGradescope } from './gradescope.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { renderText } from './text.ts';

export const FORMATS: Record<string, (report: Report) => string> = {
  text: renderText,
  json: renderJson,
  gradescope: renderGradescope,
  junit: renderJunit,
  markdown: renderMarkdown,
};
