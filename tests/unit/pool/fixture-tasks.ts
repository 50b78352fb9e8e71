/**
 * Tasks for the pool's own tests: echo, throw, crash the thread, or hold until the test
 * releases them (counting how many run at once). fixture-worker.ts serves them.
 */

/** Int32 slots of the shared counter buffer. */
export const RUNNING = 0;
export const PEAK = 1;
export const GATE = 2;
export const STARTED = 3;

export const FIXTURE_TASKS = {
  echo: (value: unknown) => value,
  fail: (message: string): never => {
    throw new Error(message);
  },
  crash: (code: number): never => process.exit(code),
  /** Counts itself running, waits for GATE to open, returns the peak of concurrent runs seen. */
  hold: (shared: SharedArrayBuffer): number => {
    const c = new Int32Array(shared);
    const running = Atomics.add(c, RUNNING, 1) + 1;
    let peak = Atomics.load(c, PEAK);
    while (running > peak && Atomics.compareExchange(c, PEAK, peak, running) !== peak) {
      peak = Atomics.load(c, PEAK);
    }
    Atomics.add(c, STARTED, 1);
    Atomics.wait(c, GATE, 0);
    Atomics.sub(c, RUNNING, 1);
    return Atomics.load(c, PEAK);
  },
};
