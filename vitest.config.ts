// The kit's own tests (npm test): harness unit tests and the self-proof of every suite. The grading suites under
// grading/suites/ are not run here directly: they run through the grader, against solutions, skeletons and mutants.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['harness/test/**/*.test.ts', 'grading/self-test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
