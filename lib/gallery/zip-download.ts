import "server-only";
import type { Readable } from "node:stream";
import { db } from "../db";
import { mediaStore } from "../storage";
import { downloadName } from "./download-name";
import { zipStream, type ZipEntry } from "./zip-stream";

/**
 * The archive of several of a person's assets: each file under its readable name, and a
 * manifest.json with what made each one. Null when none of the ids are theirs.
 */
export async function zipOfAssets(
  userId: string,
  ids: string[],
  signal: AbortSignal,
): Promise<Readable | null> {
  const assets = await db().asset.findMany({
    where: { id: { in: ids }, userId, deletedAt: null },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: {
      id: true,
      storageKey: true,
      contentType: true,
      byteSize: true,
      modelSlug: true,
      prompt: true,
      title: true,
      inputs: true,
      cost: true,
      source: true,
      createdAt: true,
    },
  });
  if (assets.length === 0) return null;
  const named = assets.map((asset) => ({ asset, name: downloadName(asset) }));
  const manifest = {
    createdAt: new Date().toISOString(),
    assets: named.map(({ asset, name }) => ({
      file: name,
      id: asset.id,
      model: asset.modelSlug,
      source: asset.source,
      title: asset.title,
      prompt: asset.prompt,
      inputs: asset.inputs,
      cost: asset.cost,
      createdAt: asset.createdAt.toISOString(),
    })),
  };
  const entries: ZipEntry[] = [
    ...named.map(({ asset, name }) => ({
      name,
      modified: asset.createdAt,
      size: asset.byteSize,
      open: () => mediaStore().read(asset.storageKey),
    })),
    { name: "manifest.json", modified: new Date(), text: `${JSON.stringify(manifest, null, 2)}\n` },
  ];
  return zipStream(entries, { signal });
}
