import { describe, expect, it } from "vitest";
import { concurrencyLimit } from "@/lib/shared/concurrency-limit";

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe("concurrencyLimit", () => {
  it("never runs more than the limit at once, and runs every task in order", async () => {
    const limit = concurrencyLimit(2);
    let running = 0;
    let peak = 0;
    const started: number[] = [];
    const results = await Promise.all(
      Array.from({ length: 7 }, (_, i) =>
        limit.run(async () => {
          started.push(i);
          running++;
          peak = Math.max(peak, running);
          await tick();
          running--;
          return i * 10;
        }),
      ),
    );
    expect(peak).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(results).toEqual([0, 10, 20, 30, 40, 50, 60]);
    expect(limit.active).toBe(0);
    expect(limit.waiting).toBe(0);
  });

  it("frees the slot of a task that throws, and passes its error on", async () => {
    const limit = concurrencyLimit(1);
    const failed = limit.run(async () => {
      throw new Error("boom");
    });
    const after = limit.run(async () => "ran");
    await expect(failed).rejects.toThrow("boom");
    await expect(after).resolves.toBe("ran");
    expect(limit.active).toBe(0);
  });

  it("keeps the limit when a caller arrives just as a slot is handed on", async () => {
    const limit = concurrencyLimit(1);
    let running = 0;
    let peak = 0;
    const task = async () => {
      running++;
      peak = Math.max(peak, running);
      await tick();
      running--;
    };
    const first = limit.run(task);
    const second = limit.run(task);
    await first;
    const third = limit.run(task); // arrives while the second is being woken
    await Promise.all([second, third]);
    expect(peak).toBe(1);
  });

  it("refuses a limit below 1", () => {
    expect(() => concurrencyLimit(0)).toThrow();
  });
});
