// Runs calc on a scenario and holds its answer against the contract's: what most cases do.
import type { CaseContext } from '../../../harness/index.ts';
import { runCalc, type CalcRun, type RunOptions } from './calc-run.ts';
import { compareAnswer } from './compare-answer.ts';
import { readAnswer, type Answer } from './read-answer.ts';
import { expectedAnswer, PEERS_FILE, peersFileText, scenarioArgs, type Scenario } from './scenario.ts';

/** Runs calc on the scenario (writing its peers file) and reads its answer, which must be well formed. */
export async function runScenario(t: CaseContext, scenario: Scenario, options: Omit<RunOptions, 'files'> = {}): Promise<{ run: CalcRun; answer: Answer }> {
  const text = peersFileText(scenario);
  const run = await runCalc(t, scenarioArgs(scenario), { ...options, files: text === undefined ? {} : { [PEERS_FILE]: text } });
  return { run, answer: readAnswer(run) };
}

/**
 * Fails unless calc answers the scenario as the contract says; returns the answer. The bound each time names is
 * judged only where `bounds` says so (the formula cases), and full precision only where `exact` says so: elsewhere
 * a wrong name or a rounding would deduct twice for one cause.
 */
export async function expectAnswer(t: CaseContext, scenario: Scenario, options: Omit<RunOptions, 'files'> & { bounds?: boolean; exact?: boolean } = {}): Promise<Answer> {
  const { bounds = false, exact = false, ...runOptions } = options;
  const { run, answer } = await runScenario(t, scenario, runOptions);
  compareAnswer(run, answer, expectedAnswer(scenario), { bounds, exact });
  return answer;
}
