// `npm run bench`: prints the kit's speed figures, each beside a baseline measured in the same run.
import { existsSync } from 'node:fs';
import { printClassThroughput } from './class.ts';
import { measureOneCase, ONE_CASE } from './one-case.ts';
import { measureProgramStart } from './program-start.ts';
import { measureSandboxStart } from './sandbox-start.ts';
import { measureSuites } from './suite-time.ts';

const ms = (value: number) => `${value.toFixed(1)} ms`;

// Every figure is taken without NODE_EXTRA_CA_CERTS, set on some machines (the project's among them): node parses that
// certificate file at every start, which here makes a bare start, the baseline of every ratio, almost three times as
// long, while the grader's own children start without it (grading/grader/grader-environment.ts).
if (process.env.NODE_EXTRA_CA_CERTS) {
  delete process.env.NODE_EXTRA_CA_CERTS;
  console.log('(NODE_EXTRA_CA_CERTS is set here: every figure below is taken without it)\n');
}

const start = await measureProgramStart();
console.log('program start (median of start-to-exit, a trivial program)');
console.log(`  bare node -e 0                      ${ms(start.bareNode)}`);
console.log(`  TypeScript as the grader runs it    ${ms(start.prepared)}   ratio to bare node ${(start.prepared / start.bareNode).toFixed(2)}`);
console.log(`  the same file through tsx           ${ms(start.tsx)}   ratio to bare node ${(start.tsx / start.bareNode).toFixed(2)}`);
console.log(`  compiling it once per run (esbuild) ${ms(start.compileMs)}`);

const one = await measureOneCase();
console.log(`\nthe grader's fixed cost for one case (socklab grade ${ONE_CASE.exercise} --case ${ONE_CASE.id}, wall time minus the case)`);
console.log(`  bare node -e 0                      ${ms(one.bareNodeMs)}`);
console.log(`  fixed cost of one case              ${ms(one.fixedMs)}   ratio to bare node ${one.ratio.toFixed(1)} (target ≤ 15)`);

const sandbox = await measureSandboxStart();
console.log('\nsandbox start (median of start-to-exit, the same compiled program, alternately)');
if ('reason' in sandbox) {
  console.log(`  not measured: the sandbox is off here (${sandbox.reason})`);
} else {
  console.log(`  bare, as without the sandbox        ${ms(sandbox.bare)}`);
  console.log(`  inside bubblewrap                   ${ms(sandbox.sandboxed)}   ratio to bare ${sandbox.ratio.toFixed(2)} (target ≤ 1.5)`);
  if (sandbox.cpuMs !== undefined) console.log(`  CPU of one sandboxed start          ${ms(sandbox.cpuMs)}   (the whole machine's, the kernel's included)`);
}

const suites = await measureSuites();
console.log(`\nsuite time against solutions/ (wall clock, through the CLI; median of ${suites.runs} runs taken in turns, then each run)`);
console.log(`  socklab list (CLI start alone)      ${suites.cliStart.toFixed(2)} s`);
for (const [id, seconds] of Object.entries(suites.perExercise)) {
  const each = suites.samples[id].map((value) => value.toFixed(2)).join(', ');
  console.log(`  ${id.padEnd(36)}${seconds.toFixed(2)} s   = ${(seconds * 1000 / start.bareNode).toFixed(0)} bare node starts   (${each})`);
}
console.log(`  all exercises in one run            ${suites.all.toFixed(2)} s`);

if (existsSync(new URL('./http-throughput.ts', import.meta.url))) {
  const { measureHttpThroughput } = await import('./http-throughput.ts');
  const http = await measureHttpThroughput();
  console.log(`\nhttp-server: requests per second for ${http.file}, ${http.connections} keep-alive connections, ${http.seconds} s each`);
  console.log(`  node:http serving the same file     ${http.nodeHttpRequestsPerSecond}`);
  console.log(`  the reference solution (node:net)   ${http.referenceRequestsPerSecond}   ratio to node:http ${http.ratioToNodeHttp.toFixed(2)}`);
}

// A synthetic class through grade-class (minutes; SOCKLAB_BENCH_CLASS=0 skips it), beside its starts' floor.
await printClassThroughput('reason' in sandbox ? undefined : sandbox.cpuMs);
