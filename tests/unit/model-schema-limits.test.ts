import { describe, expect, it } from "vitest";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { checkUploadFile, formatBytes, validateLimits } from "@/lib/shared/model-schema";

const MB = 1024 * 1024;

const schema: JsonSchema = {
  type: "object",
  properties: {
    prompt: { type: "string", maxLength: 10_000 },
    lyrics: { type: "string" },
    style: { type: "string" },
    image_url: { type: "string", format: "uri" },
    mask_url: { type: "string", format: "uri" },
    reference_images: { type: "array", items: { type: "string", format: "uri" } },
    audio_url: { type: "string", format: "uri" },
  },
};

describe("validateLimits", () => {
  it("accepts an input within every limit", () => {
    expect(
      validateLimits(schema, {
        prompt: "x".repeat(10_000),
        image_url: "https://cdn.test/a.png",
        reference_images: ["https://cdn.test/b.jpg", "https://cdn.test/c"],
        audio_url: "https://cdn.test/v.mp3",
      }),
    ).toEqual({});
  });

  it("refuses prompt-like text over 10,000 characters, whatever the schema declares", () => {
    const errors = validateLimits(schema, {
      prompt: "x".repeat(10_001),
      lyrics: "y".repeat(12_000),
      style: "z".repeat(20_000),
    });
    expect(errors.prompt).toBe("Keep this under 10,000 characters (it has 10,001).");
    expect(errors.lyrics).toMatch(/10,000 characters \(it has 12,000\)/);
    // "style" is not prompt-like: only the schema's own limits apply to it.
    expect(errors.style).toBeUndefined();
  });

  it("uses a prompt's own smaller maxLength", () => {
    const errors = validateLimits(
      { type: "object", properties: { prompt: { type: "string", maxLength: 500 } } },
      { prompt: "x".repeat(501) },
    );
    expect(errors.prompt).toMatch(/under 500 characters/);
  });

  it("counts images across all image fields: at most 4 per request", () => {
    const errors = validateLimits(schema, {
      image_url: "https://cdn.test/1.png",
      mask_url: "https://cdn.test/2.png",
      reference_images: [
        "https://cdn.test/3.png",
        "https://cdn.test/4.png",
        "https://cdn.test/5.png",
      ],
    });
    expect(Object.keys(errors).sort()).toEqual(["image_url", "mask_url", "reference_images"]);
    expect(errors.reference_images).toBe(
      "At most 4 images per request; this input has 5. Remove some.",
    );
  });

  it("refuses links that are not http(s), such as a local blob preview", () => {
    expect(validateLimits(schema, { image_url: "blob:http://localhost/123" }).image_url).toMatch(
      /https:\/\//,
    );
  });

  it("refuses a link whose extension is another kind of media", () => {
    expect(validateLimits(schema, { image_url: "https://cdn.test/clip.mp4" }).image_url).toMatch(
      /JPEG, PNG, WebP or GIF image.*mp4/,
    );
    expect(
      validateLimits(schema, { image_url: "https://cdn.test/scan.tiff" }).image_url,
    ).toBeDefined();
    expect(validateLimits(schema, { audio_url: "https://cdn.test/song.flac" }).audio_url).toMatch(
      /MP3, WAV, M4A or OGG/,
    );
  });

  it("resolves refs in the schema it checks against", () => {
    const refSchema: JsonSchema = {
      type: "object",
      definitions: { P: { type: "string" } },
      properties: { prompt: { $ref: "#/definitions/P" } },
    };
    expect(validateLimits(refSchema, { prompt: "x".repeat(10_001) }).prompt).toBeDefined();
  });
});

describe("checkUploadFile", () => {
  it.each([
    ["image", { type: "image/jpeg", size: 2 * MB }],
    ["image", { type: "image/png", size: 20 * MB }],
    ["image", { type: "image/webp", size: 1 }],
    ["image", { type: "image/gif", size: 1 }],
    ["video", { type: "video/mp4", size: 90 * MB }],
    ["video", { type: "video/webm", size: 1 }],
    ["video", { type: "video/quicktime", size: 1 }],
    ["audio", { type: "audio/mpeg", size: 49 * MB }],
    ["audio", { type: "audio/wav", size: 1 }],
    ["audio", { type: "audio/x-m4a", size: 1 }],
    ["audio", { type: "audio/ogg", size: 1 }],
    ["audio", { type: "", size: 1, name: "voice.m4a" }],
    ["file", { type: "application/zip", size: 99 * MB }],
  ] as const)("accepts a %s field taking %j", (kind, file) => {
    expect(checkUploadFile(file, kind)).toBeNull();
  });

  it.each([
    ["image", { type: "image/png", size: 20 * MB + 1 }, /limit is 20 MB/],
    [
      "image",
      { type: "image/svg+xml", size: 10 },
      /JPEG, PNG, WebP or GIF image; this file is image\/svg\+xml/,
    ],
    ["image", { type: "video/mp4", size: 10 }, /JPEG, PNG, WebP or GIF/],
    ["audio", { type: "audio/mpeg", size: 51 * MB }, /limit is 50 MB/],
    ["audio", { type: "audio/flac", size: 10 }, /MP3, WAV, M4A or OGG/],
    ["video", { type: "video/x-msvideo", size: 10 }, /MP4, WebM or MOV/],
    // Within the 500 MB video limit, but above what one upload may carry.
    [
      "video",
      { type: "video/mp4", size: 200 * MB },
      /uploads are limited to 100 MB\. Paste a link/,
    ],
    ["file", { type: "application/zip", size: 101 * MB }, /limited to 100 MB/],
    ["file", { type: "text/plain", size: 0 }, /empty/],
  ] as const)("refuses for a %s field %j", (kind, file, message) => {
    expect(checkUploadFile(file, kind)).toMatch(message);
  });
});

describe("formatBytes", () => {
  it.each([
    [500, "500 B"],
    [1536, "1.5 KB"],
    [20 * MB, "20 MB"],
    [1.5 * 1024 * MB, "1.5 GB"],
  ])("%i bytes read as %s", (bytes, text) => {
    expect(formatBytes(bytes)).toBe(text);
  });
});
