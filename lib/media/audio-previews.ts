import "server-only";
import type { MediaStore } from "../storage/media-store";
import { withFfmpegInput } from "./ffmpeg-input";
import type { Previews } from "./make-previews";
import { parseDurationMs } from "./parse-duration";
import { runFfmpeg } from "./run-ffmpeg";
import { createWaveformReducer } from "./waveform-reducer";

// Plenty for ~100 peaks, and an hour decodes to only 57 MB of PCM, streamed, never held.
const SAMPLE_RATE = 8000;
const WAVEFORM_PEAKS = 100;
const FFMPEG_TIMEOUT_MS = 120_000;

/** The duration and a waveform of about 100 peaks (0–1), decoding the file once. */
export async function audioPreviews(
  store: MediaStore,
  asset: { key: string; contentType: string },
): Promise<Previews> {
  return withFfmpegInput(store, asset, async (open) => {
    const input = await open();
    const reducer = createWaveformReducer(WAVEFORM_PEAKS);
    const { stderr } = await runFfmpeg(
      [...input.args, "-vn", "-ac", "1", "-ar", String(SAMPLE_RATE), "-f", "s16le", "pipe:1"],
      {
        stdin: input.stdin,
        onStdout: (chunk) => reducer.push(chunk),
        timeoutMs: FFMPEG_TIMEOUT_MS,
      },
    );
    if (reducer.samples === 0) return { previews: {}, durationMs: parseDurationMs(stderr) };
    // Counting decoded samples is exact, and works where the header does not say (a WAV or
    // MP3 read from a pipe reports `Duration: N/A`).
    const durationMs = Math.round((reducer.samples / SAMPLE_RATE) * 1000);
    return { previews: { waveform: reducer.peaks() }, durationMs };
  });
}
