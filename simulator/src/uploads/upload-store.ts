import { createHmac, randomBytes, randomUUID, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";

export type FileType = "image" | "video" | "audio" | "other";

export interface UploadRecord {
  id: string;
  contentType: string;
  extension: string;
  fileType: FileType;
  key: string;
  createdAt: Date;
  /** File retention (what the API calls `expires_at`), not the URL's expiry. */
  expiresAt: Date;
  /** The presigned PUT URL stops working after this, like S3's 15-minute URLs. */
  putExpiresAt: Date;
  state: "awaiting-upload" | "live" | "deleted";
  size: number;
}

export const PRESIGNED_URL_SECONDS = 15 * 60;
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** Uploads held as files on disk, indexed in memory. */
export class UploadStore {
  private readonly records = new Map<string, UploadRecord>();
  // Per-process secret: presigned URLs from an earlier run must not work after a restart.
  private readonly secret = randomBytes(32);

  constructor(private readonly dir: string) {}

  create(input: {
    contentType: string;
    extension: string;
    fileType: FileType;
    key: string;
    retentionSeconds: number;
  }): UploadRecord {
    const now = Date.now();
    const record: UploadRecord = {
      id: randomUUID(),
      contentType: input.contentType,
      extension: input.extension,
      fileType: input.fileType,
      key: input.key,
      createdAt: new Date(now),
      expiresAt: new Date(now + input.retentionSeconds * 1000),
      putExpiresAt: new Date(now + PRESIGNED_URL_SECONDS * 1000),
      state: "awaiting-upload",
      size: 0,
    };
    this.records.set(record.id, record);
    return record;
  }

  get(id: string): UploadRecord | undefined {
    return this.records.get(id);
  }

  /** Hex HMAC over what the URL grants: which object, until when, with which content type. */
  sign(record: UploadRecord): string {
    return createHmac("sha256", this.secret)
      .update(`${record.id}\n${record.putExpiresAt.getTime()}\n${record.contentType}`)
      .digest("hex");
  }

  verify(record: UploadRecord, signature: string): boolean {
    const expected = Buffer.from(this.sign(record), "hex");
    const given = Buffer.from(signature, "hex");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  filePath(record: UploadRecord): string {
    return path.join(this.dir, `${record.id}.${record.extension}`);
  }

  markLive(record: UploadRecord, size: number): void {
    record.state = "live";
    record.size = size;
  }

  async delete(id: string): Promise<void> {
    const record = this.records.get(id);
    if (record === undefined) return;
    record.state = "deleted";
    await fs.promises.rm(this.filePath(record), { force: true });
  }

  clear(): void {
    this.records.clear();
  }
}
