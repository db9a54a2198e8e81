// Lets a reader sleep until a socket event or a deadline, whichever comes first, without polling.

/**
 * `wait(ms)` resolves at the next `notify()` or after `ms` (never, for Infinity); every waiter is woken, however many
 * wait at once.
 */
export class WakeSignal {
  private readonly waiters = new Set<() => void>();

  notify(): void {
    const woken = [...this.waiters];
    this.waiters.clear();
    for (const wake of woken) wake();
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => { clearTimeout(timer); this.waiters.delete(wake); resolve(); };
      // An endless wait (a scripted peer waiting on a person typing) has no timer: a notify ends it.
      const timer = Number.isFinite(ms) ? setTimeout(wake, ms) : undefined;
      this.waiters.add(wake);
    });
  }
}
