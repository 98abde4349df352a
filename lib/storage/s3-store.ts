import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { pipeline, Readable, Transform } from "node:stream";
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  S3Client,
} from "@aws-sdk/client-s3";
import { Upload } from "@aws-sdk/lib-storage";
import type { StorageConfig } from "../config/env-schema";
import { extensionFor } from "../shared/media-kind";
import { TooLargeError, type MediaStore, type StoredObject } from "./media-store";

export type S3StoreConfig = Omit<Extract<StorageConfig, { driver: "s3" }>, "driver">;

// The same keys as the local store, so a bucket can be filled from DATA_DIR/media as is.
const KEY_PATTERN = /^[a-f0-9]{64}\.[a-z0-9]{1,8}$/;
// S3's minimum part size is 5 MiB; two 8 MiB parts in flight bound memory per upload to
// about 16 MiB whatever the file's size (lib-storage's default would buffer four).
const PART_SIZE = 8 * 1024 * 1024;
const PARTS_IN_FLIGHT = 2;
// Uploads land here first because the content address is only known once every byte has
// passed; a bucket lifecycle rule on this prefix can sweep anything a crash leaves behind.
const TEMP_PREFIX = "tmp/";

/** Objects in an S3-compatible bucket, named by the SHA-256 of their content. */
export function s3Store(config: S3StoreConfig): MediaStore {
  const client = new S3Client({
    region: config.region,
    endpoint: config.endpoint,
    forcePathStyle: config.forcePathStyle,
    credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
    // Several S3-compatible services (older MinIO, R2 at times) refuse the SDK's default
    // CRC32 checksum headers; we hash every byte ourselves, so ask only where S3 requires it.
    ...(config.endpoint
      ? {
          requestChecksumCalculation: "WHEN_REQUIRED" as const,
          responseChecksumValidation: "WHEN_REQUIRED" as const,
        }
      : {}),
  });
  const Bucket = config.bucket;

  const checked = (key: string) => {
    if (!KEY_PATTERN.test(key)) throw new Error(`not a storage key: ${key}`);
    return key;
  };

  async function size(key: string): Promise<number | null> {
    try {
      const head = await client.send(new HeadObjectCommand({ Bucket, Key: checked(key) }));
      return head.ContentLength ?? null;
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  return {
    async put(body: Readable, { contentType, maxBytes }): Promise<StoredObject> {
      const tempKey = `${TEMP_PREFIX}${randomUUID()}`;
      const hash = createHash("sha256");
      let byteSize = 0;
      let tooLarge: TooLargeError | undefined;
      // Hash and count as the bytes pass, so memory stays flat whatever the file's size.
      const meter = new Transform({
        transform(chunk: Buffer, _encoding, callback) {
          byteSize += chunk.length;
          if (byteSize > maxBytes) {
            tooLarge = new TooLargeError(`larger than ${maxBytes} bytes`);
            return callback(tooLarge);
          }
          hash.update(chunk);
          callback(null, chunk);
        },
      });
      // pipeline (unlike pipe) passes a failure of the source on, so the upload stops too.
      const metered = pipeline(body, meter, () => undefined);
      const upload = new Upload({
        client,
        params: { Bucket, Key: tempKey, Body: metered, ContentType: contentType },
        partSize: PART_SIZE,
        queueSize: PARTS_IN_FLIGHT,
      });
      try {
        await upload.done();
        const sha256 = hash.digest("hex");
        const key = `${sha256}.${extensionFor(contentType)}`;
        // Equal content has an equal key: an existing object is already these bytes. S3
        // answers 403, not 404, for a missing key without s3:ListBucket, so when in doubt,
        // copy (over identical bytes, harmlessly). One CopyObject handles up to 5 GB.
        if ((await size(key).catch(() => null)) === null) {
          await client.send(
            new CopyObjectCommand({ Bucket, Key: key, CopySource: copySource(Bucket, tempKey) }),
          );
        }
        return { key, byteSize, sha256 };
      } catch (error) {
        throw tooLarge ?? error;
      } finally {
        // lib-storage aborts a failed multipart upload itself; this removes a finished one.
        await client.send(new DeleteObjectCommand({ Bucket, Key: tempKey })).catch(() => undefined);
      }
    },

    async read(key, range) {
      const object = await client.send(
        new GetObjectCommand({
          Bucket,
          Key: checked(key),
          Range: range ? `bytes=${range.start}-${range.end}` : undefined,
        }),
      );
      // In Node the SDK answers with the HTTP response itself, a Readable.
      if (!(object.Body instanceof Readable)) throw new Error(`no body for ${key}`);
      return object.Body;
    },

    size,

    async delete(key) {
      await client.send(new DeleteObjectCommand({ Bucket, Key: checked(key) }));
    },
  };
}

/** `bucket/key`, URL-encoded per segment as CopyObject's x-amz-copy-source expects. */
function copySource(bucket: string, key: string): string {
  return [bucket, ...key.split("/")].map(encodeURIComponent).join("/");
}

function statusOf(error: unknown): number | undefined {
  if (typeof error !== "object" || error === null || !("$metadata" in error)) return undefined;
  const metadata = (error as { $metadata?: { httpStatusCode?: number } }).$metadata;
  return metadata?.httpStatusCode;
}
