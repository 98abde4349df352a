// The catalog keeps working from its last good copy when each::labs stops answering, and
// says so; with no copy at all it says the catalog is unavailable.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type * as Cache from "@/lib/catalog/catalog-cache";
import type { Child } from "../../scripts/lib/children";
import { stopChildren } from "../../scripts/lib/children";
import { startSimulatorProcess } from "../../scripts/lib/simulator";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "catalog-cache-"));
let simulator: Child;
let getCatalog: typeof Cache.getCatalog;

beforeAll(async () => {
  const started = await startSimulatorProcess({
    root,
    apiKey: "sim_local_playground",
    dialect: "reference",
    extraArgs: ["--quiet"],
  });
  simulator = started.child;
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    EACHLABS_SIMULATOR: "1",
    EACHLABS_API_URL: started.url,
    NEXTAUTH_SECRET: "x".repeat(40),
  });
  getCatalog = (await import("@/lib/catalog/catalog-cache")).getCatalog;
}, 60_000);

afterAll(async () => {
  vi.useRealTimers();
  if (simulator) await stopChildren([simulator]);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("the catalog cache", () => {
  it("fetches every model once and answers from memory within a minute", async () => {
    const first = await getCatalog();
    expect(first.models).toHaveLength(24);
    expect(first.staleReason).toBeUndefined();
    expect(first.cards.find((card) => card.slug === "veo-3")?.makes).toBe("video");
    expect(await getCatalog()).toBe(first);
    expect(fs.existsSync(path.join(dataDir, "cache", "catalog.json"))).toBe(true);
  });

  it("answers the last good copy, marked stale, when upstream is down", async () => {
    await stopChildren([simulator]);
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 5 * 60_000 });
    const stale = await getCatalog();
    expect(stale.models).toHaveLength(24);
    expect(stale.staleReason).toBe("each::labs is not answering");
    vi.useRealTimers();
  });
});
