// The gallery's data layer on a real (embedded) database: keyset pages, filters, actions
// scoped to the owner, sharing, deleting with undo and purging the files.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type * as Actions from "@/lib/gallery/actions";
import type * as Purge from "@/lib/gallery/purge-deleted";
import type * as Queries from "@/lib/gallery/queries";
import type * as Shared from "@/lib/gallery/shared-asset";
import type * as Db from "@/lib/db";
import { migratePglite } from "@/lib/db/migrations";
import { galleryFiltersSchema } from "@/lib/shared/gallery-filters";
import { seedGallery } from "../../bench/lib/seed-gallery";

const root = path.resolve(import.meta.dirname, "../..");
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "gallery-test-"));
const COUNT = 250;
let owner = "";
let intruder = "";
let lib: {
  db: typeof Db.db;
  listAssets: typeof Queries.listAssets;
  findAsset: typeof Queries.findAsset;
  actions: typeof Actions;
  purge: typeof Purge.purgeDeletedAssets;
  findShared: typeof Shared.findSharedAsset;
};

const filters = (extra: Record<string, unknown> = {}) =>
  galleryFiltersSchema.parse({ limit: 40, ...extra });

beforeAll(async () => {
  await migratePglite(path.join(dataDir, "pglite"), path.join(root, "prisma", "migrations"));
  const seedDb = new PGlite(path.join(dataDir, "pglite"));
  owner = (
    await seedGallery({
      db: seedDb,
      dataDir,
      email: "owner@example.test",
      password: "pw-123456",
      count: COUNT,
    })
  ).userId;
  await seedDb.close();
  Object.assign(process.env, {
    DATA_DIR: dataDir,
    DATABASE_URL: "",
    NEXTAUTH_SECRET: "x".repeat(40),
  });
  const db = (await import("@/lib/db")).db;
  intruder = (await db().user.create({ data: { email: "intruder@example.test" } })).id;
  lib = {
    db,
    listAssets: (await import("@/lib/gallery/queries")).listAssets,
    findAsset: (await import("@/lib/gallery/queries")).findAsset,
    actions: await import("@/lib/gallery/actions"),
    purge: (await import("@/lib/gallery/purge-deleted")).purgeDeletedAssets,
    findShared: (await import("@/lib/gallery/shared-asset")).findSharedAsset,
  };
}, 120_000);

afterAll(async () => {
  await lib?.db().$disconnect();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe("gallery pages", () => {
  it("walks every asset once, newest first, by keyset", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let previous = Infinity;
    do {
      const page = await lib.listAssets(owner, filters({ cursor }));
      for (const asset of page.assets) {
        expect(new Date(asset.createdAt).getTime()).toBeLessThanOrEqual(previous);
        previous = new Date(asset.createdAt).getTime();
        seen.push(asset.id);
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toHaveLength(COUNT);
    expect(new Set(seen).size).toBe(COUNT);
  });

  it("filters by kind, model, search and date, and combines them", async () => {
    const videos = await lib.listAssets(owner, filters({ kind: "video", limit: 100 }));
    expect(videos.assets.length).toBeGreaterThan(0);
    expect(videos.assets.every((asset) => asset.kind === "video")).toBe(true);
    const fox = await lib.listAssets(owner, filters({ q: "fox", limit: 100 }));
    expect(fox.assets.length).toBeGreaterThan(0);
    expect(fox.assets.every((asset) => asset.prompt?.includes("fox"))).toBe(true);
    const model = await lib.listAssets(
      owner,
      filters({ model: "veo3-1-fast", kind: "video,image", limit: 100 }),
    );
    expect(model.assets.every((asset) => asset.modelSlug === "veo3-1-fast")).toBe(true);
    const none = await lib.listAssets(owner, filters({ from: "2000-01-01", to: "2000-01-02" }));
    expect(none.assets).toEqual([]);
    const wildcard = await lib.listAssets(owner, filters({ q: "%" }));
    expect(wildcard.assets).toEqual([]);
  });

  it("shows thumbnails from our routes, never storage keys", async () => {
    const [asset] = (await lib.listAssets(owner, filters({ kind: "image", limit: 1 }))).assets;
    expect(asset?.thumbUrl).toBe(`/api/assets/${asset?.id}/thumb?w=256`);
    expect(JSON.stringify(asset)).not.toMatch(/[a-f0-9]{64}\./);
  });
});

describe("owner-only actions", () => {
  it("let the owner favourite and rename, and someone else nothing", async () => {
    const [asset] = (await lib.listAssets(owner, filters({ limit: 1 }))).assets;
    await lib.actions.updateAsset(owner, asset!.id, { favorite: true, title: "  My fox  " });
    expect(await lib.findAsset(owner, asset!.id)).toMatchObject({
      favorite: true,
      title: "My fox",
    });
    await expect(
      lib.actions.updateAsset(intruder, asset!.id, { favorite: false }),
    ).rejects.toMatchObject({ code: "not_found:asset" });
    await expect(
      lib.actions.shareAsset(intruder, asset!.id, { hidePrompt: false }),
    ).rejects.toMatchObject({ code: "not_found:asset" });
    expect(await lib.actions.deleteAssets(intruder, [asset!.id])).toBe(0);
    expect(await lib.findAsset(intruder, asset!.id)).toBeNull();
    expect((await lib.listAssets(intruder, filters())).assets).toEqual([]);
    expect((await lib.findAsset(owner, asset!.id))?.favorite).toBe(true);
  });
});

describe("sharing", () => {
  it("makes an unguessable page, a new one each time, and none once unshared", async () => {
    const [asset] = (await lib.listAssets(owner, filters({ kind: "image", limit: 1 }))).assets;
    const first = await lib.actions.shareAsset(owner, asset!.id, { hidePrompt: true });
    const firstId = first.split("/").pop()!;
    expect(firstId).toMatch(/^[A-Za-z0-9_-]{24}$/); // 144 random bits
    expect(await lib.findShared(firstId)).toMatchObject({
      prompt: null,
      modelSlug: asset!.modelSlug,
    });
    const second = await lib.actions.shareAsset(owner, asset!.id, { hidePrompt: false });
    expect(second).not.toBe(first);
    expect(await lib.findShared(firstId)).toBeNull();
    expect((await lib.findShared(second.split("/").pop()!))?.prompt).toBe(asset!.prompt);
    await lib.actions.unshareAssets(owner, [asset!.id]);
    expect(await lib.findShared(second.split("/").pop()!)).toBeNull();
  });
});

describe("deleting", () => {
  it("hides at once, can be undone, and after the window removes the row and unused files", async () => {
    const [asset] = (await lib.listAssets(owner, filters({ kind: "text", limit: 1 }))).assets;
    const row = await lib.db().asset.findUniqueOrThrow({ where: { id: asset!.id } });
    expect(await lib.actions.deleteAssets(owner, [asset!.id])).toBe(1);
    expect(await lib.findAsset(owner, asset!.id)).toBeNull();
    expect(await lib.actions.restoreAssets(owner, [asset!.id])).toBe(1);
    expect(await lib.findAsset(owner, asset!.id)).not.toBeNull();

    // Every text asset shares one file: deleting one keeps the file for the others.
    const texts = (await lib.listAssets(owner, filters({ kind: "text", limit: 100 }))).assets.map(
      (a) => a.id,
    );
    const file = path.join(dataDir, "media", row.storageKey.slice(0, 2), row.storageKey);
    await lib.actions.deleteAssets(owner, [texts[0]!]);
    await lib.purge(Date.now() + 60_000);
    expect(await lib.db().asset.findUnique({ where: { id: texts[0]! } })).toBeNull();
    expect(fs.existsSync(file)).toBe(true);
    await lib.actions.deleteAssets(owner, texts.slice(1));
    await lib.purge(Date.now() + 60_000);
    expect(fs.existsSync(file)).toBe(false);
  });
});
