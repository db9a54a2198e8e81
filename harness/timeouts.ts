// Every wait in the kit, in one place, multiplied by one setting so that a slow machine needs one change.

/** Base waits in milliseconds, before scaling. */
const BASE = {
  /** A server must be listening this long after it starts. */
  startup: 5000,
  /** A reply the grader is waiting for must arrive within this. */
  reply: 2000,
  /** How long the grader watches for bytes that must not come (a server that answers too early). */
  quiet: 300,
  /** A client or command must exit this long after its work is done. */
  exit: 4000,
  /** Between SIGTERM and SIGKILL when a program is stopped. */
  stopGrace: 1000,
  /** A whole case, start to finish. */
  case: 30000,
} as const;

export type TimeoutName = keyof typeof BASE;

/** Reads the scale from SOCKLAB_TIMEOUT_SCALE (set by the CLI's --timeout-scale); 1 when unset. */
export function timeoutScale(env: NodeJS.ProcessEnv = process.env): number {
  const raw = env.SOCKLAB_TIMEOUT_SCALE;
  if (raw === undefined || raw === '') return 1;
  const scale = Number(raw);
  if (!Number.isFinite(scale) || scale <= 0) {
    throw new Error(`SOCKLAB_TIMEOUT_SCALE must be a positive number, got ${JSON.stringify(raw)}`);
  }
  return scale;
}

/** The scaled wait, in milliseconds, for one named purpose. */
export function timeout(name: TimeoutName): number {
  return Math.round(BASE[name] * timeoutScale());
}

/** Scales a case's own delay (a pause between writes, a peer's late reply) by the same setting. */
export function scaled(ms: number): number {
  return Math.round(ms * timeoutScale());
}
