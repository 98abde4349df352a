// Fills a person's gallery with many assets, straight into a database the app is not
// running on yet (the embedded database allows one process at a time). Every asset points
// at real files: one picture per kind, stored once (storage is content-addressed) with its
// thumbnails, so pages and previews cost what real ones do.
import { randomUUID } from "node:crypto";
import path from "node:path";
import { Readable } from "node:stream";
import type { PGlite } from "@electric-sql/pglite";
import { hash } from "@node-rs/argon2";
import sharp from "sharp";
import { localStore } from "../../lib/storage/local-store";

const MODELS = [
  "flux-2-max",
  "flux-2-pro",
  "seedream-v4-5",
  "veo3-1-fast",
  "kling-3-0",
  "stable-audio-2-5",
  "elevenlabs-tts",
  "nano-banana-pro",
];
const WORDS =
  "lighthouse harbour fox owl forest neon city desert dune river canyon portrait robot garden ocean storm sunset violin rain cathedral glacier".split(
    " ",
  );

async function picture(width: number, height: number, hue: number): Promise<Buffer> {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="g"><stop offset="0" stop-color="hsl(${hue},70%,55%)"/><stop offset="1" stop-color="hsl(${(hue + 90) % 360},70%,35%)"/></linearGradient></defs><rect width="100%" height="100%" fill="url(#g)"/><circle cx="${width / 3}" cy="${height / 2}" r="${height / 4}" fill="white" fill-opacity="0.3"/></svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

export async function seedGallery(options: {
  db: PGlite;
  dataDir: string;
  email: string;
  password: string;
  count: number;
}) {
  const store = localStore(path.join(options.dataDir, "media"));
  const put = async (bytes: Buffer, contentType: string) =>
    (await store.put(Readable.from([bytes]), { contentType, maxBytes: 1e9 })).key;
  const original = await picture(1024, 576, 250);
  const files = {
    image: await put(original, "image/png"),
    thumb256: await put(await sharp(original).resize(256).webp().toBuffer(), "image/webp"),
    thumb640: await put(await sharp(original).resize(640).webp().toBuffer(), "image/webp"),
    text: await put(Buffer.from("A short poem about the sea."), "text/plain"),
  };
  const userId = `bench-user-${randomUUID().slice(0, 8)}`;
  await options.db.query(
    `INSERT INTO "User" (id, email, "passwordHash", "createdAt", "updatedAt") VALUES ($1, $2, $3, now(), now())`,
    [userId, options.email, await hash(options.password)],
  );

  const now = Date.now();
  const batch = 500;
  for (let start = 0; start < options.count; start += batch) {
    const rows: unknown[] = [];
    const values: string[] = [];
    for (let i = start; i < Math.min(options.count, start + batch); i++) {
      const roll = i % 20;
      const kind = roll < 12 ? "image" : roll < 16 ? "video" : roll < 19 ? "audio" : "text";
      const prompt = `${WORDS[i % WORDS.length]} ${WORDS[(i * 7) % WORDS.length]} ${WORDS[(i * 13) % WORDS.length]} #${i}`;
      const previews =
        kind === "image" || kind === "video"
          ? {
              thumbs: { "256": files.thumb256, "640": files.thumb640 },
              ...(kind === "video" ? { poster: files.thumb640 } : {}),
            }
          : kind === "audio"
            ? { waveform: Array.from({ length: 100 }, (_, j) => Math.abs(Math.sin(j / 7))) }
            : {};
      const contentType =
        kind === "text"
          ? "text/plain"
          : kind === "image"
            ? "image/png"
            : kind === "video"
              ? "video/mp4"
              : "audio/wav";
      const p = rows.length;
      values.push(
        `($${p + 1}, $${p + 2}, 'run', $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9}, 1024, 576, $${p + 10}, $${p + 11})`,
      );
      rows.push(
        `bench-asset-${i}`,
        userId,
        kind,
        contentType,
        kind === "text" ? files.text : files.image,
        kind === "text" ? 27 : original.length,
        MODELS[i % MODELS.length],
        prompt,
        JSON.stringify(previews),
        kind === "video" || kind === "audio" ? 5000 : null,
        new Date(now - i * 60_000),
      );
    }
    await options.db.query(
      `INSERT INTO "Asset" (id, "userId", source, kind, "contentType", "storageKey", "byteSize", "modelSlug", prompt, previews, width, height, "durationMs", "createdAt") VALUES ${values.join(", ")}`,
      rows,
    );
  }
  return { userId };
}
