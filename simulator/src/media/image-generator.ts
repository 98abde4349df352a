import sharp from "sharp";
import { escapeXml, paletteFor, wrapText, type Palette } from "./palette.js";
import type { Prng } from "../prng.js";

// The simulator shares two cores with the app and its tests: one libvips thread
// per operation is plenty for small pictures, and the cache would only hold memory.
sharp.concurrency(1);
sharp.cache(false);

export interface ImageSpec {
  width: number;
  height: number;
  prompt: string;
  seed: number;
  /** Small corner label (model slug), so screenshots show what made the picture. */
  label: string;
  /** Output index, so num_outputs > 1 gives distinct pictures. */
  index: number;
}

/** A PNG whose gradient, shapes and caption follow the prompt and seed. */
export async function renderImage(spec: ImageSpec): Promise<Buffer> {
  return sharp(Buffer.from(imageSvg(spec)))
    .png({ compressionLevel: 6 })
    .toBuffer();
}

export function imageSvg(spec: ImageSpec, options: { caption?: boolean } = {}): string {
  const { palette, random } = paletteFor(spec.prompt, spec.seed, String(spec.index));
  const { width, height } = spec;
  const caption = options.caption ?? true;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    background(palette, random, width, height),
    shapes(palette, random, width, height),
    horizon(palette, random, width, height),
    caption ? captionBand(spec.prompt, width, height) : "",
    `<text x="${Math.round(width * 0.03)}" y="${Math.round(height * 0.06)}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${Math.max(10, Math.round(Math.min(width, height) * 0.028))}" fill="#ffffff" fill-opacity="0.75">${escapeXml(`${spec.label} · seed ${spec.seed}${spec.index > 0 ? ` · #${spec.index + 1}` : ""}`)}</text>`,
    "</svg>",
  ].join("");
}

function background(palette: Palette, random: Prng, width: number, height: number): string {
  const angle = random.between(0, Math.PI * 2);
  const x2 = (0.5 + Math.cos(angle) / 2).toFixed(3);
  const y2 = (0.5 + Math.sin(angle) / 2).toFixed(3);
  const x1 = (1 - Number(x2)).toFixed(3);
  const y1 = (1 - Number(y2)).toFixed(3);
  const [dark, middle, light] = palette.stops;
  return (
    `<defs><linearGradient id="bg" x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}">` +
    `<stop offset="0" stop-color="${dark}"/><stop offset="0.55" stop-color="${middle}"/><stop offset="1" stop-color="${light}"/>` +
    `</linearGradient></defs><rect width="${width}" height="${height}" fill="url(#bg)"/>`
  );
}

function shapes(palette: Palette, random: Prng, width: number, height: number): string {
  const size = Math.min(width, height);
  const parts: string[] = [];
  const count = random.int(5, 9);
  for (let index = 0; index < count; index += 1) {
    const colour = random.pick(palette.accents);
    const opacity = random.between(0.18, 0.55).toFixed(2);
    const x = random.between(0, width).toFixed(1);
    const y = random.between(0, height * 0.8).toFixed(1);
    const r = random.between(size * 0.05, size * 0.22);
    switch (random.int(0, 2)) {
      case 0:
        parts.push(
          `<circle cx="${x}" cy="${y}" r="${r.toFixed(1)}" fill="${colour}" fill-opacity="${opacity}"/>`,
        );
        break;
      case 1:
        parts.push(
          `<rect x="${x}" y="${y}" width="${(r * 1.6).toFixed(1)}" height="${r.toFixed(1)}" rx="${(r * 0.2).toFixed(1)}" fill="${colour}" fill-opacity="${opacity}" transform="rotate(${random.between(-40, 40).toFixed(1)} ${x} ${y})"/>`,
        );
        break;
      default: {
        const points = Array.from(
          { length: 3 },
          () =>
            `${(Number(x) + random.between(-r, r)).toFixed(1)},${(Number(y) + random.between(-r, r)).toFixed(1)}`,
        ).join(" ");
        parts.push(`<polygon points="${points}" fill="${colour}" fill-opacity="${opacity}"/>`);
      }
    }
  }
  return parts.join("");
}

function horizon(palette: Palette, random: Prng, width: number, height: number): string {
  const base = height * random.between(0.62, 0.78);
  const amplitude = height * random.between(0.02, 0.08);
  const steps = 8;
  let path = `M0 ${base.toFixed(1)}`;
  for (let step = 1; step <= steps; step += 1) {
    const x = (width * step) / steps;
    const y = base + random.between(-amplitude, amplitude);
    path += ` Q${(x - width / steps / 2).toFixed(1)} ${(y - amplitude).toFixed(1)} ${x.toFixed(1)} ${y.toFixed(1)}`;
  }
  path += ` L${width} ${height} L0 ${height} Z`;
  return `<path d="${path}" fill="${palette.stops[0]}" fill-opacity="0.55"/>`;
}

/** The prompt, wrapped into a translucent band along the bottom. */
export function captionBand(prompt: string, width: number, height: number): string {
  if (prompt.trim() === "") return "";
  const fontSize = Math.max(11, Math.round(Math.min(width, height) * 0.045));
  const maxChars = Math.max(10, Math.floor(width / (fontSize * 0.56)) - 2);
  const lines = wrapText(prompt, maxChars, 3);
  const lineHeight = Math.round(fontSize * 1.3);
  const bandHeight = lines.length * lineHeight + fontSize;
  const top = height - bandHeight;
  const text = lines
    .map(
      (line, index) =>
        `<text x="${Math.round(fontSize * 0.8)}" y="${top + fontSize * 0.5 + lineHeight * (index + 0.8)}" font-family="DejaVu Sans, Liberation Sans, sans-serif" font-size="${fontSize}" fill="#ffffff">${escapeXml(line)}</text>`,
    )
    .join("");
  return `<rect x="0" y="${top}" width="${width}" height="${bandHeight}" fill="#000000" fill-opacity="0.38"/>${text}`;
}
