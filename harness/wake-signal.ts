// Lets a reader sleep until a socket event or a deadline, whichever comes first, without polling.

/** One waiter at a time: `wait(ms)` resolves at the next `notify()` or after `ms`. */
export class WakeSignal {
  private wake: (() => void) | undefined;

  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }

  wait(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.wake = () => { clearTimeout(timer); resolve(); };
    });
  }
}
