// Previews made from real files (a PNG from sharp, MP4s from the bundled ffmpeg, a WAV
// written here) into a local store, the way saved run outputs get them.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Readable } from "node:stream";
import { buffer } from "node:stream/consumers";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { makePreviews } from "@/lib/media/make-previews";
import { moovBeforeMdat } from "@/lib/media/mp4-layout";
import { parseDurationMs } from "@/lib/media/parse-duration";
import { createWaveformReducer } from "@/lib/media/waveform-reducer";
import { kindOf } from "@/lib/shared/media-kind";
import { localStore } from "@/lib/storage/local-store";
import type { MediaStore } from "@/lib/storage/media-store";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "media-previews-"));
const store: MediaStore = localStore(path.join(dir, "media"));
let ffmpeg: string;

beforeAll(async () => {
  ffmpeg = (await import("@ffmpeg-installer/ffmpeg")).default.path;
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

async function put(bytes: Buffer, contentType: string) {
  const { key } = await store.put(Readable.from([bytes]), { contentType, maxBytes: 1e9 });
  return { key, contentType, kind: kindOf(contentType) };
}

async function decoded(key: string | undefined) {
  expect(key).toBeDefined();
  return sharp(await buffer(await store.read(key!))).metadata();
}

/** An MP4 made by ffmpeg's test source: `seconds` long, 320×180. */
function testVideo(name: string, seconds: number, faststart: boolean): Buffer {
  const file = path.join(dir, name);
  execFileSync(ffmpeg, [
    ...["-hide_banner", "-loglevel", "error", "-f", "lavfi"],
    ...["-i", "testsrc=size=320x180:rate=24", "-t", String(seconds)],
    ...[
      "-pix_fmt",
      "yuv420p",
      "-c:v",
      "libx264",
      ...(faststart ? ["-movflags", "+faststart"] : []),
    ],
    ...["-y", file],
  ]);
  return fs.readFileSync(file);
}

/** A mono 16-bit WAV: a quiet first second, then a loud one. */
function quietThenLoudWav(): Buffer {
  const rate = 16000;
  const samples = Buffer.alloc(rate * 2 * 2);
  for (let i = 0; i < rate * 2; i++) {
    const amplitude = i < rate ? 0.05 : 0.9;
    samples.writeInt16LE(
      Math.round(Math.sin((2 * Math.PI * 440 * i) / rate) * amplitude * 32767),
      i * 2,
    );
  }
  const header = Buffer.alloc(44);
  header.write("RIFF", 0, "latin1");
  header.writeUInt32LE(36 + samples.length, 4);
  header.write("WAVEfmt ", 8, "latin1");
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20); // PCM
  header.writeUInt16LE(1, 22); // mono
  header.writeUInt32LE(rate, 24);
  header.writeUInt32LE(rate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write("data", 36, "latin1");
  header.writeUInt32LE(samples.length, 40);
  return Buffer.concat([header, samples]);
}

describe("makePreviews", () => {
  it("stores WebP thumbnails 256 and 640 wide of an image, keeping its aspect, with its size", async () => {
    const png = await sharp({
      create: { width: 1200, height: 800, channels: 3, background: { r: 30, g: 120, b: 200 } },
    })
      .png()
      .toBuffer();
    const result = await makePreviews(store, await put(png, "image/png"));
    expect(result).toMatchObject({ width: 1200, height: 800 });
    const small = await decoded(result.previews.thumbs?.["256"]);
    const large = await decoded(result.previews.thumbs?.["640"]);
    expect([small.format, small.width, small.height]).toEqual(["webp", 256, 171]);
    expect([large.format, large.width, large.height]).toEqual(["webp", 640, 427]);
  });

  it("never enlarges a small image", async () => {
    const png = await sharp({ create: { width: 100, height: 60, channels: 4, background: "#f80" } })
      .png()
      .toBuffer();
    const result = await makePreviews(store, await put(png, "image/png"));
    expect(result).toMatchObject({ width: 100, height: 60 });
    for (const size of ["256", "640"] as const)
      expect((await decoded(result.previews.thumbs?.[size])).width).toBe(100);
  });

  it("takes a video's poster half a second in, with thumbnails, its size and its duration", async () => {
    const result = await makePreviews(
      store,
      await put(testVideo("fast.mp4", 2, true), "video/mp4"),
    );
    expect(result).toMatchObject({ width: 320, height: 180 });
    expect(result.durationMs).toBeGreaterThanOrEqual(1900);
    expect(result.durationMs).toBeLessThanOrEqual(2100);
    const poster = await decoded(result.previews.poster);
    expect([poster.format, poster.width, poster.height]).toEqual(["webp", 320, 180]);
    expect((await decoded(result.previews.thumbs?.["256"])).width).toBe(256);
    expect((await decoded(result.previews.thumbs?.["640"])).width).toBe(320);
  });

  it("reads an MP4 whose index is at the end (no faststart) and leaves no temporary file", async () => {
    const before = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("media-preview-"));
    const result = await makePreviews(
      store,
      await put(testVideo("slow.mp4", 2, false), "video/mp4"),
    );
    expect(result.previews.poster).toBeDefined();
    expect(result.durationMs).toBeGreaterThanOrEqual(1900);
    const after = fs.readdirSync(os.tmpdir()).filter((name) => name.startsWith("media-preview-"));
    expect(after).toEqual(before);
  });

  it("takes the first frame of a clip shorter than half a second", async () => {
    const result = await makePreviews(
      store,
      await put(testVideo("short.mp4", 0.2, true), "video/mp4"),
    );
    expect((await decoded(result.previews.poster)).width).toBe(320);
    expect(result.durationMs).toBeLessThan(500);
  });

  it("gives audio its duration and about 100 peaks in 0–1, louder where it is louder", async () => {
    const result = await makePreviews(store, await put(quietThenLoudWav(), "audio/wav"));
    expect(result.durationMs).toBe(2000);
    const peaks = result.previews.waveform ?? [];
    expect(peaks.length).toBeGreaterThanOrEqual(90);
    expect(peaks.length).toBeLessThanOrEqual(100);
    expect(peaks.every((peak) => peak >= 0 && peak <= 1)).toBe(true);
    const quiet = Math.max(...peaks.slice(5, peaks.length / 2 - 5));
    const loud = Math.min(...peaks.slice(peaks.length / 2 + 5, -5));
    expect(quiet).toBeLessThan(0.1);
    expect(loud).toBeGreaterThan(0.8);
  });

  it.each([
    ["image/png", "image"],
    ["video/mp4", "video"],
    ["audio/wav", "audio"],
  ])("gives a corrupt %s empty previews and one log line, without throwing", async (type) => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const garbage = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 251));
      const result = await makePreviews(store, await put(garbage, type));
      expect(result).toEqual({ previews: {} });
      expect(warn).toHaveBeenCalledTimes(1);
    } finally {
      warn.mockRestore();
    }
  });

  it("makes nothing for text and other files", async () => {
    for (const type of ["text/plain", "application/json", "model/gltf-binary"])
      expect(await makePreviews(store, await put(Buffer.from("{}"), type))).toEqual({
        previews: {},
      });
  });
});

describe("the helpers behind previews", () => {
  it("tells a faststart MP4 (readable from a pipe) from one that needs seeking", async () => {
    const fast = await put(testVideo("fast-layout.mp4", 1, true), "video/mp4");
    const slow = await put(testVideo("slow-layout.mp4", 1, false), "video/mp4");
    expect(await moovBeforeMdat(store, fast.key)).toBe(true);
    expect(await moovBeforeMdat(store, slow.key)).toBe(false);
  });

  it.each([
    ["  Duration: 00:00:05.00, start: 0.000000, bitrate: 33 kb/s", 5000],
    ["Duration: 01:02:03.45, start: 0.0", 3_723_450],
    ["Duration: 00:00:00.04, start: 0.0", 40],
    ["Duration: N/A, bitrate: 705 kb/s", undefined],
    ["moov atom not found", undefined],
  ])("reads %j from ffmpeg's stderr as %s ms", (stderr, expected) => {
    expect(parseDurationMs(stderr)).toBe(expected);
  });

  it("reduces PCM split at odd byte boundaries into at most 100 peaks, in constant memory", () => {
    const reducer = createWaveformReducer(100);
    // Ten minutes at 8 kHz: a full-scale sample every 10,000, otherwise silence.
    const seconds = 600;
    const pcm = Buffer.alloc(8000 * 2);
    for (let i = 0; i < pcm.length / 2; i += 10_000) pcm.writeInt16LE(-32768, i * 2);
    for (let second = 0; second < seconds; second++) {
      reducer.push(pcm.subarray(0, 4001));
      reducer.push(pcm.subarray(4001));
    }
    expect(reducer.samples).toBe(8000 * seconds);
    const peaks = reducer.peaks();
    expect(peaks).toHaveLength(100);
    expect(Math.max(...peaks)).toBe(1);
    expect(Math.min(...peaks)).toBe(1);
  });

  it("gives fewer peaks, not invented ones, for a very short sound", () => {
    const reducer = createWaveformReducer(100);
    reducer.push(Buffer.alloc(2 * 40));
    expect(reducer.peaks()).toEqual([0, 0, 0, 0, 0]);
  });
});
