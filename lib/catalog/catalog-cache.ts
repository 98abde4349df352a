import "server-only";
import fs from "node:fs";
import path from "node:path";
import { listModels } from "../eachlabs/client";
import { serverAccess } from "../eachlabs/access";
import { env } from "../env";
import type { CatalogModel, UpstreamModel } from "../shared/catalog-types";
import { AppError } from "../shared/errors";
import { toCatalogModel } from "../shared/model-kinds";

/** How long a fetched catalog counts as fresh: new models show up within a minute. */
const TTL_MS = 60_000;
/** How long a page waits for upstream before answering from the cache. */
const REFRESH_WAIT_MS = 4_000;

export type CatalogSnapshot = {
  models: UpstreamModel[];
  bySlug: Map<string, UpstreamModel>;
  /** The models as the catalog page shows them (kinds inferred once per fetch, not per request). */
  cards: CatalogModel[];
  fetchedAt: number;
  /** Set when upstream failed and this is an older copy. */
  staleReason?: string;
};

let current: CatalogSnapshot | undefined;
let inflight: Promise<CatalogSnapshot> | undefined;

const diskCopy = () => path.join(env().dataDir, "cache", "catalog.json");

function snapshot(models: UpstreamModel[], fetchedAt: number): CatalogSnapshot {
  return {
    models,
    bySlug: new Map(models.map((model) => [model.slug, model])),
    cards: models.map(toCatalogModel),
    fetchedAt,
  };
}

function readDisk(): CatalogSnapshot | undefined {
  try {
    const saved = JSON.parse(fs.readFileSync(diskCopy(), "utf8")) as {
      fetchedAt: number;
      models: UpstreamModel[];
    };
    return snapshot(saved.models, saved.fetchedAt);
  } catch {
    return undefined;
  }
}

async function fetchFresh(): Promise<CatalogSnapshot> {
  const models = await listModels(serverAccess(), { retries: 1 });
  const fresh = snapshot(models, Date.now());
  current = fresh;
  // Kept on disk too, so the catalog still shows after a restart while upstream is down.
  await fs.promises.mkdir(path.dirname(diskCopy()), { recursive: true });
  await fs.promises.writeFile(diskCopy(), JSON.stringify({ fetchedAt: fresh.fetchedAt, models }));
  return fresh;
}

/**
 * The upstream catalog, cached with a short TTL. When upstream fails, the last good copy
 * (memory, then disk) is answered with `staleReason` set, so the page says so.
 */
export async function getCatalog(): Promise<CatalogSnapshot> {
  if (current && Date.now() - current.fetchedAt < TTL_MS && !current.staleReason) return current;
  inflight ??= fetchFresh().finally(() => (inflight = undefined));
  const fallback = current ?? readDisk();
  try {
    if (!fallback) return await inflight;
    const timeout = new Promise<never>((_, reject) =>
      setTimeout(() => reject(new Error("slow")), REFRESH_WAIT_MS).unref(),
    );
    return await Promise.race([inflight, timeout]);
  } catch {
    if (!fallback)
      throw new AppError(
        "unavailable:catalog",
        "each::labs is not answering and there is no saved copy of the catalog yet. Try again in a moment.",
      );
    return { ...fallback, staleReason: "each::labs is not answering" };
  }
}

export async function findModel(slug: string): Promise<UpstreamModel | undefined> {
  return (await getCatalog()).bySlug.get(slug);
}
