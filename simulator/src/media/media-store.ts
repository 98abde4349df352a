import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { sha256Hex } from "../prng.js";
import { JobQueue } from "./job-queue.js";

export interface StoredMedia {
  name: string;
  filePath: string;
}

const MEDIA_NAME = /^[a-f0-9]{40}\.[a-z0-9]{2,4}$/;

/**
 * Content-addressed media on disk: a file's name is the hash of everything that
 * determined it (model, input, seed, output index), so the same request maps to
 * the same file, generated once and reused across restarts.
 */
export class MediaStore {
  readonly mediaDir: string;
  readonly uploadsDir: string;
  readonly workDir: string;
  private readonly inFlight = new Map<string, Promise<StoredMedia>>();
  private readonly queue = new JobQueue(2);

  constructor(rootDir: string) {
    this.mediaDir = path.join(rootDir, "media");
    this.uploadsDir = path.join(rootDir, "uploads");
    this.workDir = path.join(rootDir, "work");
  }

  async init(): Promise<void> {
    await Promise.all(
      [this.mediaDir, this.uploadsDir, this.workDir].map((dir) =>
        fs.promises.mkdir(dir, { recursive: true }),
      ),
    );
  }

  /** Returns the cached file for `key`, or makes it with `make(tmpPath, workDir)` and moves it into place. */
  async produce(
    key: string,
    extension: string,
    make: (tmpPath: string, scratchDir: string) => Promise<void>,
  ): Promise<StoredMedia> {
    const name = `${sha256Hex(key).slice(0, 40)}.${extension}`;
    const filePath = path.join(this.mediaDir, name);
    const pending = this.inFlight.get(name);
    if (pending !== undefined) return pending;
    const job = (async (): Promise<StoredMedia> => {
      if (await exists(filePath)) return { name, filePath };
      return this.queue.run(async () => {
        const unique = randomUUID();
        const tmpPath = path.join(this.workDir, `${unique}.${extension}`);
        const scratch = path.join(this.workDir, unique);
        try {
          await make(tmpPath, scratch);
          // rename is atomic, so a reader never sees half a file.
          await fs.promises.rename(tmpPath, filePath);
        } finally {
          await fs.promises.rm(tmpPath, { force: true });
        }
        return { name, filePath };
      });
    })();
    this.inFlight.set(name, job);
    try {
      return await job;
    } finally {
      this.inFlight.delete(name);
    }
  }

  /** The file behind a `/media/<name>` URL, or null for names the store never issues. */
  pathOf(name: string): string | null {
    return MEDIA_NAME.test(name) ? path.join(this.mediaDir, name) : null;
  }
}

async function exists(filePath: string): Promise<boolean> {
  try {
    await fs.promises.access(filePath);
    return true;
  } catch {
    return false;
  }
}
