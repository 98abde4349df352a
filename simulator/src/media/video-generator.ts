import { execFile } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { promisify } from "node:util";
import ffmpegInstaller from "@ffmpeg-installer/ffmpeg";
import sharp from "sharp";
import { captionBand, imageSvg } from "./image-generator.js";
import { paletteFor } from "./palette.js";

const run = promisify(execFile);

export interface VideoSpec {
  width: number;
  height: number;
  seconds: number;
  prompt: string;
  seed: number;
  label: string;
  /** Adds an AAC tone track (models documented as generating audio with video). */
  withAudio: boolean;
  /** Image-to-video: pan across this picture instead of a generated one. */
  sourceImage: Buffer | null;
}

const FPS = 24;

/**
 * Renders an H.264 MP4 (yuv420p, +faststart, so browsers start playing at once):
 * a picture panning under a drifting sprite, with the prompt as a fixed caption.
 * Flags that stamp versions or times are off and threads fixed, so the same spec
 * gives the same bytes on any machine.
 */
export async function renderVideo(
  spec: VideoSpec,
  outputPath: string,
  workDir: string,
): Promise<void> {
  await fs.promises.mkdir(workDir, { recursive: true });
  const { width, height, seconds } = spec;
  const panWidth = width + Math.round(width / 2);
  const background = path.join(workDir, "background.png");
  const sprite = path.join(workDir, "sprite.png");
  const caption = path.join(workDir, "caption.png");
  const { palette } = paletteFor(spec.prompt, spec.seed, "video");
  const spriteSize = Math.round(Math.min(width, height) / 4);

  const backgroundImage =
    spec.sourceImage === null
      ? sharp(
          Buffer.from(
            imageSvg(
              {
                width: panWidth,
                height,
                prompt: spec.prompt,
                seed: spec.seed,
                label: spec.label,
                index: 0,
              },
              { caption: false },
            ),
          ),
        )
      : sharp(spec.sourceImage).resize(panWidth, height, { fit: "cover" });
  await Promise.all([
    backgroundImage.png().toFile(background),
    sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${spriteSize}" height="${spriteSize}"><circle cx="${spriteSize / 2}" cy="${spriteSize / 2}" r="${spriteSize * 0.45}" fill="${palette.accents[0] ?? "#fff"}" fill-opacity="0.85"/></svg>`,
      ),
    )
      .png()
      .toFile(sprite),
    sharp(
      Buffer.from(
        `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${captionBand(spec.prompt, width, height)}</svg>`,
      ),
    )
      .png()
      .toFile(caption),
  ]);

  const filter =
    `[0:v]crop=${width}:${height}:x='(iw-ow)*t/${seconds}':y=0[bg];` +
    `[bg][1:v]overlay=x='(W-w)/2+(W-w)/2*sin(t*1.7)':y='(H-h)/2+(H-h)/3*cos(t*2.3)'[moving];` +
    `[moving][2:v]overlay=0:0,format=yuv420p[v]`;
  const args = [
    "-y",
    "-hide_banner",
    "-loglevel",
    "error",
    "-loop",
    "1",
    "-framerate",
    String(FPS),
    "-i",
    background,
    "-loop",
    "1",
    "-framerate",
    String(FPS),
    "-i",
    sprite,
    "-loop",
    "1",
    "-framerate",
    String(FPS),
    "-i",
    caption,
    ...(spec.withAudio
      ? [
          "-f",
          "lavfi",
          "-i",
          `sine=frequency=${palette.baseFrequency.toFixed(2)}:sample_rate=44100`,
        ]
      : []),
    "-filter_complex",
    filter,
    "-map",
    "[v]",
    ...(spec.withAudio
      ? ["-map", "3:a", "-c:a", "aac", "-b:a", "64k", "-flags:a", "+bitexact"]
      : []),
    "-t",
    String(seconds),
    "-r",
    String(FPS),
    "-c:v",
    "libx264",
    "-preset",
    "veryfast",
    "-crf",
    "28",
    "-pix_fmt",
    "yuv420p",
    "-threads",
    "2",
    "-movflags",
    "+faststart",
    "-fflags",
    "+bitexact",
    "-flags:v",
    "+bitexact",
    "-map_metadata",
    "-1",
    outputPath,
  ];
  try {
    await run(ffmpegInstaller.path, args, { timeout: 120_000 });
  } finally {
    await fs.promises.rm(workDir, { recursive: true, force: true });
  }
}
