// The S3 store against a small S3-compatible server (tests/support/fake-s3.ts): the same
// content-addressed behaviour as the local store, streamed through multipart uploads.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer, text } from "node:stream/consumers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStore } from "@/lib/storage/local-store";
import { TooLargeError, type MediaStore } from "@/lib/storage/media-store";
import { s3Store } from "@/lib/storage/s3-store";
import { startFakeS3, type FakeS3 } from "../support/fake-s3";

const MB = 1024 * 1024;
let fake: FakeS3;
let store: MediaStore;
const localRoot = fs.mkdtempSync(path.join(os.tmpdir(), "s3-store-local-"));

/** Streams a buffer in 64 KiB chunks, as a download would arrive. */
function chunked(bytes: Buffer): Readable {
  return Readable.from(
    (function* () {
      for (let offset = 0; offset < bytes.length; offset += 64 * 1024)
        yield bytes.subarray(offset, offset + 64 * 1024);
    })(),
  );
}

const keysIn = (bucket: string) =>
  [...fake.objects.keys()].filter((key) => key.startsWith(`${bucket}/`));

beforeAll(async () => {
  fake = await startFakeS3();
  store = s3Store({
    bucket: "media",
    region: "us-east-1",
    endpoint: fake.endpoint,
    accessKeyId: "test-access-key",
    secretAccessKey: "test-secret-key",
    forcePathStyle: true,
  });
});

afterAll(async () => {
  await fake?.close();
  fs.rmSync(localRoot, { recursive: true, force: true });
});

describe("the S3 store", () => {
  const large = randomBytes(12 * MB);

  it("streams a large file through a multipart upload and reads it back whole and by range", async () => {
    const stored = await store.put(chunked(large), { contentType: "video/mp4", maxBytes: 20 * MB });
    expect(stored.byteSize).toBe(large.length);
    expect(stored.key).toBe(`${stored.sha256}.mp4`);
    const parts = fake.log.filter((line) => line.startsWith("PUT UploadPart media/tmp/"));
    expect(parts).toHaveLength(2);
    expect(keysIn("media")).toEqual([`media/${stored.key}`]);
    expect(fake.objects.get(`media/${stored.key}`)?.contentType).toBe("video/mp4");

    expect((await buffer(await store.read(stored.key))).equals(large)).toBe(true);
    const slice = await buffer(await store.read(stored.key, { start: 1000, end: 1999 }));
    expect(slice.equals(large.subarray(1000, 2000))).toBe(true);
    expect(await store.size(stored.key)).toBe(large.length);
    expect(fake.pendingUploads()).toBe(0);
  });

  it("names objects exactly as the local store names files with the same bytes", async () => {
    const bytes = Buffer.from("the same bytes, wherever they are stored\n");
    const inS3 = await store.put(chunked(bytes), { contentType: "text/plain", maxBytes: MB });
    const local = await localStore(localRoot).put(chunked(bytes), {
      contentType: "text/plain",
      maxBytes: MB,
    });
    expect(inS3).toEqual(local);
    expect(await text(await store.read(inS3.key))).toBe(bytes.toString());
  });

  it("stores equal content once: a second put skips the copy", async () => {
    const bytes = randomBytes(1000);
    const first = await store.put(chunked(bytes), { contentType: "image/png", maxBytes: MB });
    const copies = fake.log.filter((line) => line === `PUT CopyObject media/${first.key}`);
    const second = await store.put(chunked(bytes), { contentType: "image/png", maxBytes: MB });
    expect(second).toEqual(first);
    expect(fake.log.filter((line) => line === `PUT CopyObject media/${first.key}`)).toEqual(copies);
    expect(keysIn("media").filter((key) => key.includes("/tmp/"))).toEqual([]);
  });

  it("answers null for the size of a missing object and forgets a deleted one", async () => {
    const stored = await store.put(chunked(Buffer.from("short-lived")), {
      contentType: "text/plain",
      maxBytes: MB,
    });
    await store.delete(stored.key);
    expect(await store.size(stored.key)).toBeNull();
    expect(await store.size(`${"0".repeat(64)}.png`)).toBeNull();
    await expect(store.read(stored.key)).rejects.toThrow();
  });

  it("refuses a file over maxBytes and leaves no object or upload behind", async () => {
    const before = new Set(fake.objects.keys());
    await expect(
      store.put(chunked(large), { contentType: "video/mp4", maxBytes: 9 * MB }),
    ).rejects.toBeInstanceOf(TooLargeError);
    expect([...fake.objects.keys()].filter((key) => !before.has(key))).toEqual([]);
    expect(fake.pendingUploads()).toBe(0);
  });

  it("is the media store the app uses when STORAGE_DRIVER is s3", async () => {
    const settings = {
      DATA_DIR: localRoot,
      NEXTAUTH_SECRET: "x".repeat(40),
      STORAGE_DRIVER: "s3",
      STORAGE_S3_BUCKET: "configured",
      STORAGE_S3_ENDPOINT: fake.endpoint,
      STORAGE_S3_ACCESS_KEY_ID: "test-access-key",
      STORAGE_S3_SECRET_ACCESS_KEY: "test-secret-key",
      STORAGE_S3_FORCE_PATH_STYLE: "true",
    };
    const saved = Object.keys(settings).map((name) => [name, process.env[name]] as const);
    Object.assign(process.env, settings);
    try {
      const { mediaStore } = await import("@/lib/storage");
      const stored = await mediaStore().put(chunked(Buffer.from("via the app")), {
        contentType: "text/plain",
        maxBytes: MB,
      });
      expect(keysIn("configured")).toEqual([`configured/${stored.key}`]);
    } finally {
      for (const [name, value] of saved) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it("refuses keys that are not content addresses", async () => {
    await expect(store.read("../secrets.txt")).rejects.toThrow(/not a storage key/);
  });
});
