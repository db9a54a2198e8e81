// The machine's busy CPU time from /proc/stat, the kernel's work included (a sandbox's namespaces are torn down by
// the kernel, outside any process's own CPU time): what a class's grading costs, and a program start.
import { readFileSync } from 'node:fs';

/** Busy core-seconds since boot (user, nice, system, irq, softirq); undefined where /proc/stat is missing. */
export function busyCoreSeconds(): number | undefined {
  try {
    const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
    const [user, nice, system, , , irq, softirq] = fields;
    return (user + nice + system + irq + softirq) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}
