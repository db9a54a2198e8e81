// `npx tsx bench/class.ts` (also part of `npm run bench`): grade-class on a synthetic class, beside one by one.
// SOCKLAB_BENCH_CLASS sets the class size (default 6, 0 skips), SOCKLAB_BENCH_CLASS_JOBS the students at a time.
import { measureClassThroughput } from './class-throughput.ts';

const size = Number(process.env.SOCKLAB_BENCH_CLASS ?? 6);
if (size > 0) {
  const c = await measureClassThroughput(size, Number(process.env.SOCKLAB_BENCH_CLASS_JOBS ?? 4));
  const per = (seconds: number) => seconds / c.size;
  const line = (label: string, seconds: number) => `  ${label.padEnd(36)}${seconds.toFixed(1)} s   ${per(seconds).toFixed(1)} s a student   100 students ≈ ${(100 * per(seconds) / 60).toFixed(1)} min`;
  console.log(`\nsocklab grade-class: ${c.size} students × ${c.exercises} exercises (solutions, skeletons, mutants), ${c.cores} cores, load ${c.load.toFixed(1)} at the end`);
  console.log(line(`--jobs ${c.jobs}`, c.parallel));
  console.log(line('one by one (--jobs 1)', c.oneByOne));
  console.log(`  ratio one by one / parallel         ${(c.oneByOne / c.parallel).toFixed(2)}`);
}
