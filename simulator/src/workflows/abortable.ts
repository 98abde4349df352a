import type { Scheduler } from "../scheduler.js";

/** Resolves "done" when `promise` settles, "timeout" after `ms` (null: never), "aborted" when the signal fires. */
export function race(
  scheduler: Scheduler,
  promise: Promise<unknown>,
  ms: number | null,
  signal: AbortSignal,
): Promise<"done" | "timeout" | "aborted"> {
  if (signal.aborted) return Promise.resolve("aborted");
  return new Promise((resolve) => {
    let cancelTimer: () => void = () => undefined;
    const onAbort = () => finish("aborted");
    const finish = (result: "done" | "timeout" | "aborted") => {
      cancelTimer();
      signal.removeEventListener("abort", onAbort);
      resolve(result);
    };
    signal.addEventListener("abort", onAbort, { once: true });
    if (ms !== null) cancelTimer = scheduler.after(Math.max(0, ms), () => finish("timeout"));
    promise.then(
      () => finish("done"),
      () => finish("done"),
    );
  });
}

/** Sleeps `ms` (on the scheduler, so close() stops it), or less when the signal fires; true when it slept fully. */
export async function sleep(
  scheduler: Scheduler,
  ms: number,
  signal: AbortSignal,
): Promise<boolean> {
  if (ms <= 0) return !signal.aborted;
  const never = new Promise<void>(() => undefined);
  return (await race(scheduler, never, ms, signal)) === "timeout";
}
