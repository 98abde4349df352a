import sharp from "sharp";
import { captionBand, imageSvg } from "./image-generator.js";
import { paletteFor } from "./palette.js";

export type Derivation = "edit" | "remove-background" | "upscale" | "face-swap" | "fill";

export interface DerivationSpec {
  operation: Derivation;
  source: Buffer;
  prompt: string;
  seed: number;
  label: string;
  index: number;
  /** Upscale factor. */
  scale: number;
  /** The face for face-swap, the mask for fill. */
  second: Buffer | null;
}

// Upscaled outputs stay viewable and quick to encode; real upscalers go larger.
const MAX_UPSCALED_SIDE = 2048;
const MAX_EDIT_SIDE = 1024;

/** An image derived from the input picture, so a person can see the model "used" it. */
export async function deriveImage(spec: DerivationSpec): Promise<Buffer> {
  const source = sharp(spec.source, { failOn: "none" });
  const meta = await source.metadata();
  const sourceWidth = meta.width ?? 512;
  const sourceHeight = meta.height ?? 512;
  switch (spec.operation) {
    case "upscale": {
      const factor = Math.max(1, spec.scale);
      const fit = Math.min(factor, MAX_UPSCALED_SIDE / Math.max(sourceWidth, sourceHeight));
      return source
        .resize(Math.round(sourceWidth * fit), Math.round(sourceHeight * fit), {
          kernel: "lanczos3",
        })
        .sharpen()
        .png()
        .toBuffer();
    }
    case "remove-background":
      return removeBackground(spec.source, sourceWidth, sourceHeight);
    case "face-swap":
      return faceSwap(spec, sourceWidth, sourceHeight);
    case "fill":
      return fill(spec, sourceWidth, sourceHeight);
    case "edit":
      return edit(spec, sourceWidth, sourceHeight);
  }
}

function fitWithin(
  width: number,
  height: number,
  limit: number,
): { width: number; height: number } {
  const ratio = Math.min(1, limit / Math.max(width, height));
  return { width: Math.round(width * ratio), height: Math.round(height * ratio) };
}

/** Keeps a soft ellipse around the centre (the "subject") and makes the rest transparent. */
async function removeBackground(source: Buffer, width: number, height: number): Promise<Buffer> {
  const mask = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><radialGradient id="m"><stop offset="0.78" stop-color="#fff" stop-opacity="1"/><stop offset="1" stop-color="#fff" stop-opacity="0"/></radialGradient></defs><ellipse cx="${width / 2}" cy="${height / 2}" rx="${width * 0.36}" ry="${height * 0.44}" fill="url(#m)"/></svg>`,
  );
  return sharp(source)
    .ensureAlpha()
    .composite([{ input: mask, blend: "dest-in" }])
    .png()
    .toBuffer();
}

/** Tints the picture in the prompt's colours and captions it with the instruction. */
async function edit(
  spec: DerivationSpec,
  sourceWidth: number,
  sourceHeight: number,
): Promise<Buffer> {
  const { width, height } = fitWithin(sourceWidth, sourceHeight, MAX_EDIT_SIDE);
  const { palette } = paletteFor(spec.prompt, spec.seed, String(spec.index));
  const tint = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><defs><linearGradient id="t" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${palette.stops[1]}"/><stop offset="1" stop-color="${palette.stops[2]}"/></linearGradient></defs><rect width="${width}" height="${height}" fill="url(#t)" fill-opacity="0.45"/>${captionBand(spec.prompt, width, height)}</svg>`,
  );
  return sharp(spec.source)
    .resize(width, height)
    .composite([{ input: tint, blend: "over" }])
    .png()
    .toBuffer();
}

async function faceSwap(spec: DerivationSpec, width: number, height: number): Promise<Buffer> {
  const diameter = Math.round(Math.min(width, height) * 0.36);
  const circle = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${diameter}" height="${diameter}"><circle cx="${diameter / 2}" cy="${diameter / 2}" r="${diameter / 2}" fill="#fff"/></svg>`,
  );
  const faceSource =
    spec.second ??
    (await sharp(
      Buffer.from(imageSvg({ ...spec, width: diameter, height: diameter }, { caption: false })),
    )
      .png()
      .toBuffer());
  const face = await sharp(faceSource)
    .resize(diameter, diameter, { fit: "cover" })
    .ensureAlpha()
    .composite([{ input: circle, blend: "dest-in" }])
    .png()
    .toBuffer();
  return sharp(spec.source)
    .composite([
      { input: face, left: Math.round((width - diameter) / 2), top: Math.round(height * 0.12) },
    ])
    .png()
    .toBuffer();
}

/** Paints a generated pattern where the mask is white (or a centre square without a mask). */
async function fill(spec: DerivationSpec, width: number, height: number): Promise<Buffer> {
  const pattern = await sharp(Buffer.from(imageSvg({ ...spec, width, height }, { caption: false })))
    .removeAlpha()
    .raw()
    .toBuffer();
  const maskSource =
    spec.second ??
    Buffer.from(
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><rect width="${width}" height="${height}" fill="#000"/><rect x="${width / 4}" y="${height / 4}" width="${width / 2}" height="${height / 2}" fill="#fff"/></svg>`,
    );
  const alpha = await sharp(maskSource)
    .resize(width, height, { fit: "fill" })
    .greyscale()
    .extractChannel(0)
    .raw()
    .toBuffer();
  const patch = await sharp(pattern, { raw: { width, height, channels: 3 } })
    .joinChannel(alpha, { raw: { width, height, channels: 1 } })
    .png()
    .toBuffer();
  return sharp(spec.source)
    .composite([{ input: patch, blend: "over" }])
    .png()
    .toBuffer();
}
