// The gallery's zip download: written as it is read, one entry open at a time, checked by
// reading the archive back with Python's zipfile (an independent implementation).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable, Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import zlib from "node:zlib";
import { afterAll, describe, expect, it } from "vitest";
import { zipStream, type ZipEntry } from "@/lib/gallery/zip-stream";

const MB = 1024 * 1024;
const CHUNK = 64 * 1024;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "zip-stream-"));
const modified = new Date("2025-06-01T12:00:00Z");

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

// Random bytes to cut every generated file from: chunks are views into it, so generating
// 200 MB allocates nothing (and the bytes do not compress, like real media).
const pool = Buffer.from(
  Array.from({ length: MB + CHUNK }, (_, i) => (Math.imul(i + 1, 2654435761) >>> 13) & 0xff),
);

/** Chunk `index` of the file seeded `seed`: deterministic, so its CRC can be recomputed. */
function chunkOf(seed: number, index: number, length: number): Buffer {
  const offset = (seed * 7919 + index * 4099) % MB;
  return pool.subarray(offset, offset + length);
}

function* chunksOf(seed: number, size: number) {
  for (let offset = 0, index = 0; offset < size; offset += CHUNK, index++)
    yield chunkOf(seed, index, Math.min(CHUNK, size - offset));
}

/** A file of `size` bytes made as it is read, never held whole in memory. */
const generated = (seed: number, size: number) => Readable.from(chunksOf(seed, size));

function crcOf(seed: number, size: number): number {
  let crc = 0;
  for (const chunk of chunksOf(seed, size)) crc = zlib.crc32(chunk, crc);
  return crc;
}

type Listed = {
  bad: string | null;
  entries: { name: string; size: number; crc: number; method: number }[];
};

/** Python's zipfile: lists the central directory and checks every entry's CRC. */
function readBack(file: string): Listed {
  const script = [
    "import json, sys, zipfile",
    "z = zipfile.ZipFile(sys.argv[1])",
    "entries = [dict(name=i.filename, size=i.file_size, crc=i.CRC, method=i.compress_type) for i in z.infolist()]",
    "print(json.dumps(dict(bad=z.testzip(), entries=entries)))",
  ].join("\n");
  return JSON.parse(execFileSync("python3", ["-c", script, file], { encoding: "utf8" })) as Listed;
}

/** Counts how many entries are open at once (opened and not yet closed). */
function openCounter() {
  const counter = { open: 0, most: 0, opened: 0 };
  const track = (stream: Readable) => {
    counter.open++;
    counter.opened++;
    counter.most = Math.max(counter.most, counter.open);
    stream.once("close", () => counter.open--);
    return stream;
  };
  return { counter, track };
}

const STORED = 0;
const DEFLATED = 8;

describe("zipStream", () => {
  it("writes media stored, a text manifest deflated and a 50 MB streamed file, with exact sizes and CRCs", async () => {
    const { counter, track } = openCounter();
    const manifest = JSON.stringify({ assets: Array.from({ length: 50 }, (_, i) => ({ i })) });
    const files = [
      { name: "images/fox.png", seed: 1, size: 300_000 },
      { name: "videos/big.mp4", seed: 2, size: 50 * MB },
      { name: "audio/empty.wav", seed: 3, size: 0 },
    ];
    const entries: ZipEntry[] = [
      { name: "manifest.json", modified, text: manifest },
      ...files.map((file) => ({
        name: file.name,
        modified,
        size: file.size,
        open: async () => track(generated(file.seed, file.size)),
      })),
    ];
    const file = path.join(dir, "several.zip");
    await pipeline(zipStream(entries), fs.createWriteStream(file));

    const listed = readBack(file);
    expect(listed.bad).toBeNull();
    expect(listed.entries).toEqual([
      {
        name: "manifest.json",
        size: Buffer.byteLength(manifest),
        crc: zlib.crc32(manifest),
        method: DEFLATED,
      },
      ...files.map((f) => ({
        name: f.name,
        size: f.size,
        crc: crcOf(f.seed, f.size),
        method: STORED,
      })),
    ]);
    expect(counter.most).toBe(1);
    expect(fs.statSync(file).size).toBeGreaterThan(50 * MB);
  });

  it("gives repeated names a number, ignoring case, and keeps names inside the archive", async () => {
    const names = [
      "a.png",
      "a.png",
      "A.PNG",
      "a (2).png",
      "notes",
      "notes",
      "../../etc/passwd",
      "/abs/x.txt",
      "",
    ];
    const file = path.join(dir, "names.zip");
    await pipeline(
      zipStream(names.map((name) => ({ name, modified, text: name }))),
      fs.createWriteStream(file),
    );
    expect(readBack(file).entries.map((entry) => entry.name)).toEqual([
      "a.png",
      "a (2).png",
      "A (3).PNG",
      "a (2) (2).png",
      "notes",
      "notes (2)",
      "etc/passwd",
      "abs/x.txt",
      "file",
    ]);
  });

  it("opens entries lazily, one at a time, and keeps memory flat over 200 MB", async () => {
    const { counter, track } = openCounter();
    let pulled = 0;
    async function* entries(): AsyncGenerator<ZipEntry> {
      for (let i = 0; i < 200; i++) {
        pulled++;
        // The archive pulls an entry only once it has reached the one before.
        expect(pulled - counter.opened).toBeLessThanOrEqual(1);
        yield { name: `asset-${i}.mp4`, modified, open: async () => track(generated(i, MB)) };
      }
    }
    const before = process.memoryUsage().rss;
    let peak = before;
    let bytes = 0;
    await pipeline(
      zipStream(entries()),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          bytes += chunk.length;
          peak = Math.max(peak, process.memoryUsage.rss());
          callback();
        },
      }),
    );
    expect(bytes).toBeGreaterThan(200 * MB);
    expect(counter.opened).toBe(200);
    expect(counter.most).toBe(1);
    expect(peak - before).toBeLessThan(60 * MB);
  });

  it("ends with the error when an entry cannot be opened, without opening the rest", async () => {
    const { counter, track } = openCounter();
    const entries: ZipEntry[] = [
      { name: "ok.png", modified, open: async () => track(generated(1, 1000)) },
      { name: "gone.png", modified, open: () => Promise.reject(new Error("object is gone")) },
      { name: "later.png", modified, open: async () => track(generated(2, 1000)) },
    ];
    await expect(
      pipeline(zipStream(entries), new Writable({ write: (_c, _e, cb) => cb() })),
    ).rejects.toThrow("object is gone");
    expect(counter.opened).toBe(1);
  });

  it("ends with the error when an entry fails halfway or is shorter than its size", async () => {
    const failing = () =>
      Readable.from(
        (async function* () {
          yield Buffer.alloc(CHUNK);
          throw new Error("connection reset");
        })(),
      );
    const drain = () => new Writable({ write: (_c, _e, cb) => cb() });
    await expect(
      pipeline(zipStream([{ name: "a.mp4", modified, open: async () => failing() }]), drain()),
    ).rejects.toThrow("connection reset");
    await expect(
      pipeline(
        zipStream([{ name: "b.mp4", modified, size: 5000, open: async () => generated(1, 4000) }]),
        drain(),
      ),
    ).rejects.toThrow(/unexpected number of bytes/);
  });

  it("stops reading the entries when the download is cancelled", async () => {
    let finished = false;
    const { counter, track } = openCounter();
    async function* entries(): AsyncGenerator<ZipEntry> {
      try {
        for (let i = 0; ; i++)
          yield { name: `${i}.bin`, modified, open: async () => track(generated(i, 10 * MB)) };
      } finally {
        finished = true;
      }
    }
    const controller = new AbortController();
    let received = 0;
    const done = pipeline(
      zipStream(entries(), { signal: controller.signal }),
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          received += chunk.length;
          if (received > 15 * MB) controller.abort(new Error("client went away"));
          callback();
        },
      }),
    );
    await expect(done).rejects.toThrow("client went away");
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(finished).toBe(true);
    expect(counter.open).toBe(0);
    expect(counter.opened).toBeLessThanOrEqual(3);
  });
});
