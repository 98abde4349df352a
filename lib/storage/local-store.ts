import "server-only";
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Transform, type Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { extensionFor } from "../shared/media-kind";
import { TooLargeError, type MediaStore, type StoredObject } from "./media-store";

const KEY_PATTERN = /^[a-f0-9]{64}\.[a-z0-9]{1,8}$/;

/** Files in a folder, named by the SHA-256 of their content (so they never change). */
export function localStore(root: string): MediaStore {
  const fileFor = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`not a storage key: ${key}`);
    return path.join(root, key.slice(0, 2), key);
  };

  return {
    async put(body: Readable, { contentType, maxBytes }): Promise<StoredObject> {
      const tmpDir = path.join(root, "tmp");
      await fs.promises.mkdir(tmpDir, { recursive: true });
      const tmp = path.join(tmpDir, randomUUID());
      const hash = createHash("sha256");
      let byteSize = 0;
      // Hash and count as the bytes pass, so memory stays flat whatever the file's size.
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          byteSize += chunk.length;
          if (byteSize > maxBytes)
            return callback(new TooLargeError(`larger than ${maxBytes} bytes`));
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      try {
        await pipeline(body, meter, fs.createWriteStream(tmp));
        const sha256 = hash.digest("hex");
        const key = `${sha256}.${extensionFor(contentType)}`;
        await fs.promises.mkdir(path.dirname(fileFor(key)), { recursive: true });
        await fs.promises.rename(tmp, fileFor(key));
        return { key, byteSize, sha256 };
      } finally {
        await fs.promises.rm(tmp, { force: true });
      }
    },

    async read(key, range) {
      return fs.createReadStream(
        fileFor(key),
        range ? { start: range.start, end: range.end } : undefined,
      );
    },

    async size(key) {
      try {
        return (await fs.promises.stat(fileFor(key))).size;
      } catch {
        return null;
      }
    },

    async delete(key) {
      await fs.promises.rm(fileFor(key), { force: true });
    },
  };
}
