import "server-only";
import { Readable } from "node:stream";
import sharp from "sharp";
import type { AssetPreviews } from "../shared/asset-types";
import type { MediaStore } from "../storage/media-store";

export const THUMB_WIDTHS = ["256", "640"] as const;
// A preview of any size stays far below this; it only guards against a runaway encoder.
const MAX_PREVIEW_BYTES = 20 * 1024 * 1024;
// "error" rather than sharp's default "warning": a slightly truncated image still gets a
// thumbnail, as a browser would still show it.
const SHARP_OPTIONS = { failOn: "error" } as const;

export type ImagePreviews = {
  thumbs: NonNullable<AssetPreviews["thumbs"]>;
  width: number;
  height: number;
};

/**
 * WebP thumbnails 256 and 640 pixels wide (never enlarged, aspect kept, EXIF rotation
 * applied; animations give their first frame), stored in `store`, and the displayed size.
 */
export async function imagePreviews(store: MediaStore, image: Buffer): Promise<ImagePreviews> {
  const metadata = await sharp(image, SHARP_OPTIONS).metadata();
  const { width, height } = metadata.autoOrient;
  const thumbs: ImagePreviews["thumbs"] = {};
  for (const size of THUMB_WIDTHS) thumbs[size] = await storeWebp(store, image, Number(size));
  return { thumbs, width, height };
}

/** Stores `image` as a WebP at most `maxWidth` wide; answers its storage key. */
export async function storeWebp(
  store: MediaStore,
  image: Buffer,
  maxWidth: number,
): Promise<string> {
  const webp = await sharp(image, SHARP_OPTIONS)
    .autoOrient()
    .resize({ width: maxWidth, withoutEnlargement: true })
    .webp({ quality: 80 })
    .toBuffer();
  const stored = await store.put(Readable.from([webp]), {
    contentType: "image/webp",
    maxBytes: MAX_PREVIEW_BYTES,
  });
  return stored.key;
}
