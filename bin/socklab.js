#!/usr/bin/env node
// The `socklab` command: loads the TypeScript CLI through tsx, so the kit runs from its sources without a build step.
import { register } from 'tsx/esm/api';

register();
await import('../grading/cli/main.ts');
