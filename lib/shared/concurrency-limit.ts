// At most `limit` tasks at a time; the rest wait their turn in the order they came.
// Browser-safe (no Node APIs), though the server is its only user today.

export type ConcurrencyLimit = {
  run<T>(task: () => Promise<T>): Promise<T>;
  /** Tasks running now and waiting, for tests and diagnostics. */
  readonly active: number;
  readonly waiting: number;
};

export function concurrencyLimit(limit: number): ConcurrencyLimit {
  if (!Number.isInteger(limit) || limit < 1) throw new Error("limit must be a whole number ≥ 1");
  let active = 0;
  const queue: (() => void)[] = [];
  // A finished task hands its slot straight to the next waiter, so `active` never
  // overshoots `limit` when a new caller arrives between the two.
  const next = () => {
    const waiter = queue.shift();
    if (waiter) waiter();
    else active--;
  };
  return {
    async run<T>(task: () => Promise<T>): Promise<T> {
      if (active >= limit) await new Promise<void>((resolve) => queue.push(resolve));
      else active++;
      try {
        return await task();
      } finally {
        next();
      }
    },
    get active() {
      return active;
    },
    get waiting() {
      return queue.length;
    },
  };
}
