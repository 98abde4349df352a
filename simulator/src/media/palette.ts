import { Prng } from "../prng.js";

export interface Palette {
  /** Three gradient stops, dark to light. */
  stops: [string, string, string];
  accents: string[];
  ink: string;
  /** Base pitch in Hz, so audio from the same prompt and seed "sounds like" its picture. */
  baseFrequency: number;
}

/** Colours and shapes follow prompt and seed, so different prompts look different at a glance. */
export function paletteFor(
  prompt: string,
  seed: number,
  salt = "",
): { palette: Palette; random: Prng } {
  const random = Prng.fromText(`${seed}\u0000${prompt}\u0000${salt}`);
  const hue = random.between(0, 360);
  const spread = random.between(30, 150);
  const stops: [string, string, string] = [
    hsl(hue, random.between(45, 75), random.between(14, 26)),
    hsl(hue + spread / 2, random.between(55, 85), random.between(38, 52)),
    hsl(hue + spread, random.between(65, 95), random.between(64, 78)),
  ];
  const accents = Array.from({ length: 4 }, () =>
    hsl(hue + random.between(-180, 180), random.between(60, 95), random.between(45, 75)),
  );
  return {
    palette: { stops, accents, ink: "#ffffff", baseFrequency: 196 * 2 ** (random.int(0, 11) / 12) },
    random,
  };
}

function hsl(hue: number, saturation: number, lightness: number): string {
  const h = ((hue % 360) + 360) % 360;
  return `hsl(${h.toFixed(1)},${saturation.toFixed(1)}%,${lightness.toFixed(1)}%)`;
}

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Greedy word wrap by an average glyph width; good enough for a caption band. */
export function wrapText(text: string, maxChars: number, maxLines: number): string[] {
  const words = text
    .replace(/\s+/g, " ")
    .trim()
    .split(" ")
    .filter((word) => word !== "");
  const lines: string[] = [];
  let line = "";
  for (const word of words) {
    const candidate = line === "" ? word : `${line} ${word}`;
    if (candidate.length <= maxChars) {
      line = candidate;
      continue;
    }
    if (line !== "") lines.push(line);
    line = word.length > maxChars ? `${word.slice(0, maxChars - 1)}…` : word;
    if (lines.length === maxLines) break;
  }
  if (line !== "" && lines.length < maxLines) lines.push(line);
  if (lines.length === maxLines && words.join(" ").length > lines.join(" ").length) {
    const last = lines[maxLines - 1] ?? "";
    lines[maxLines - 1] = `${last.slice(0, Math.max(0, maxChars - 1))}…`;
  }
  return lines;
}
