import "server-only";
import path from "node:path";
import { env } from "../env";
import { localStore } from "./local-store";
import type { MediaStore } from "./media-store";
import type { S3StoreConfig } from "./s3-store";

let store: MediaStore | undefined;

/** The configured media store: the folder DATA_DIR/media, or an S3-compatible bucket. */
export function mediaStore(): MediaStore {
  if (!store) {
    const config = env();
    store =
      config.storage.driver === "s3"
        ? lazyS3Store(config.storage)
        : localStore(path.join(config.dataDir, "media"));
  }
  return store;
}

/**
 * Loads the AWS SDK only when the bucket is first used: local installs never pay for it
 * (its start-up time, memory, and its warning about Node versions).
 */
function lazyS3Store(config: S3StoreConfig): MediaStore {
  let loaded: Promise<MediaStore> | undefined;
  const s3 = () => (loaded ??= import("./s3-store").then((module) => module.s3Store(config)));
  return {
    put: async (body, options) => (await s3()).put(body, options),
    read: async (key, range) => (await s3()).read(key, range),
    size: async (key) => (await s3()).size(key),
    delete: async (key) => (await s3()).delete(key),
  };
}
