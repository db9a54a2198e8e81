// `npx tsx bench/class.ts` (also part of `npm run bench`): grade-class on a synthetic class, beside one by one, and
// beside what the class's program starts alone cost. SOCKLAB_BENCH_CLASS sets the class size (default 6, 0 skips),
// SOCKLAB_BENCH_CLASS_JOBS the students at a time (default 4, as in every earlier figure).
import { pathToFileURL } from 'node:url';
import { measureClassThroughput } from './class-throughput.ts';
import { measureSandboxStart } from './sandbox-start.ts';

/** Grades the synthetic class and prints its figures; `startCpuMs` is the machine's CPU for one sandboxed start. */
export async function printClassThroughput(startCpuMs: number | undefined): Promise<void> {
  const size = Number(process.env.SOCKLAB_BENCH_CLASS ?? 6);
  if (size <= 0) return;
  const jobs = Number(process.env.SOCKLAB_BENCH_CLASS_JOBS ?? 4);
  const c = await measureClassThroughput(size, jobs);
  const per = (seconds: number) => seconds / c.size;
  const minutes = (seconds: number) => `100 students ≈ ${(100 * per(seconds) / 60).toFixed(1)} min`;
  const line = (label: string, seconds: number) => `  ${label.padEnd(40)}${seconds.toFixed(1)} s   ${per(seconds).toFixed(1)} s a student   ${minutes(seconds)}`;
  console.log(`\nsocklab grade-class: ${c.size} students × ${c.exercises} exercises (solutions, skeletons, mutants), ${c.cores} cores, load ${c.load.toFixed(1)} at the end`);
  console.log(line(`--jobs ${c.jobs}`, c.parallel));
  console.log(line('one by one (--jobs 1 --inner-jobs 2)', c.oneByOne));
  console.log(`  ${'ratio one by one / parallel'.padEnd(40)}${(c.oneByOne / c.parallel).toFixed(2)}`);
  if (c.busy === undefined) return;
  console.log(`  ${"CPU, the kernel's included".padEnd(40)}${c.busy.toFixed(0)} core-s   ${per(c.busy).toFixed(1)} core-s a student`);
  console.log(`  ${'program starts'.padEnd(40)}${c.starts}   ${per(c.starts).toFixed(0)} a student`);
  if (startCpuMs === undefined || c.starts === 0) return;
  // One case, one fresh program (docs/decisions.md): no grader can take less CPU than its starts of the programs.
  const floor = (c.starts * startCpuMs) / 1000 / c.cores;
  console.log(`  ${`the starts alone (${startCpuMs.toFixed(0)} ms of CPU each)`.padEnd(40)}${floor.toFixed(1)} s on ${c.cores} cores   ${minutes(floor)}: a floor, real programs start slower`);
  console.log(`  ${`ratio --jobs ${c.jobs} / the starts alone`.padEnd(40)}${(c.parallel / floor).toFixed(2)}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sandbox = await measureSandboxStart();
  await printClassThroughput('reason' in sandbox ? undefined : sandbox.cpuMs);
}
