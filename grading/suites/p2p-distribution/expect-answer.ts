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

/** Fails unless calc answers the scenario as the contract says; returns the answer. */
export async function expectAnswer(t: CaseContext, scenario: Scenario, options: Omit<RunOptions, 'files'> = {}): Promise<Answer> {
  const { run, answer } = await runScenario(t, scenario, options);
  compareAnswer(run, answer, expectedAnswer(scenario));
  return answer;
}
