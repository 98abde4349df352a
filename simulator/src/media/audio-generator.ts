import { paletteFor } from "./palette.js";
import type { Prng } from "../prng.js";

export type AudioStyle = "music" | "speech" | "effect";

export interface AudioSpec {
  seconds: number;
  prompt: string;
  seed: number;
  style: AudioStyle;
}

// Mono 16-bit at 22.05 kHz: every browser plays it, and 10 s stay under half a megabyte.
const SAMPLE_RATE = 22_050;
const PENTATONIC = [0, 2, 4, 7, 9, 12, 14, 16];

/** A WAV file whose notes (or "syllables") follow the prompt and seed. */
export function renderWav(spec: AudioSpec): Buffer {
  const { palette, random } = paletteFor(spec.prompt, spec.seed, "audio");
  const samples = new Float32Array(Math.max(1, Math.round(spec.seconds * SAMPLE_RATE)));
  if (spec.style === "speech") speech(samples, palette.baseFrequency * 0.6, random);
  else if (spec.style === "effect") effect(samples, palette.baseFrequency, random);
  else music(samples, palette.baseFrequency, random);
  fadeEdges(samples);
  return encodeWav(samples);
}

function music(samples: Float32Array, root: number, random: Prng): void {
  const beat = 60 / random.int(84, 136);
  let time = 0;
  let bar = 0;
  while (time < samples.length / SAMPLE_RATE) {
    const semitones = random.pick(PENTATONIC);
    const length = beat * random.pick([0.5, 1, 1, 2]);
    tone(samples, time, length, root * 2 ** (semitones / 12), 0.32, [1, 0.35, 0.12]);
    if (Math.floor(time / (beat * 4)) !== bar || time === 0) {
      bar = Math.floor(time / (beat * 4));
      tone(samples, time, beat * 4, root / 2, 0.22, [1, 0.5]);
    }
    time += length;
  }
}

/** Voiced bursts with pitch drift and pauses between "words": speech-like, clearly synthetic. */
function speech(samples: Float32Array, pitch: number, random: Prng): void {
  let time = 0.08;
  const end = samples.length / SAMPLE_RATE;
  while (time < end) {
    const syllables = random.int(1, 4);
    for (let index = 0; index < syllables && time < end; index += 1) {
      const length = random.between(0.09, 0.22);
      tone(
        samples,
        time,
        length,
        pitch * random.between(0.85, 1.25),
        0.3,
        [1, 0.6, 0.45, 0.3, 0.2],
      );
      time += length + 0.015;
    }
    time += random.between(0.08, 0.3);
  }
}

function effect(samples: Float32Array, base: number, random: Prng): void {
  let phase = 0;
  const sweeps = random.int(2, 5);
  for (let index = 0; index < samples.length; index += 1) {
    const t = index / samples.length;
    const sweep = (t * sweeps) % 1;
    const frequency = base * (0.5 + 2.5 * sweep);
    phase += (2 * Math.PI * frequency) / SAMPLE_RATE;
    const noise = random.between(-1, 1) * 0.12 * (1 - sweep);
    samples[index] =
      (samples[index] ?? 0) + Math.sin(phase) * 0.3 * Math.sin(Math.PI * sweep) + noise;
  }
}

function tone(
  samples: Float32Array,
  start: number,
  length: number,
  frequency: number,
  gain: number,
  harmonics: readonly number[],
): void {
  const first = Math.floor(start * SAMPLE_RATE);
  const count = Math.floor(length * SAMPLE_RATE);
  const attack = Math.min(count / 4, SAMPLE_RATE * 0.01);
  for (let offset = 0; offset < count && first + offset < samples.length; offset += 1) {
    const t = offset / SAMPLE_RATE;
    const envelope = Math.min(1, offset / attack) * Math.exp((-3 * offset) / count);
    let value = 0;
    harmonics.forEach((weight, harmonic) => {
      value += weight * Math.sin(2 * Math.PI * frequency * (harmonic + 1) * t);
    });
    const index = first + offset;
    samples[index] = (samples[index] ?? 0) + value * envelope * gain;
  }
}

function fadeEdges(samples: Float32Array): void {
  const fade = Math.min(samples.length / 2, Math.round(SAMPLE_RATE * 0.02));
  for (let index = 0; index < fade; index += 1) {
    const gain = index / fade;
    samples[index] = (samples[index] ?? 0) * gain;
    const last = samples.length - 1 - index;
    samples[last] = (samples[last] ?? 0) * gain;
  }
}

export function encodeWav(samples: Float32Array, sampleRate = SAMPLE_RATE): Buffer {
  let peak = 0;
  for (const value of samples) peak = Math.max(peak, Math.abs(value));
  const gain = peak > 0 ? 0.85 / peak : 0;
  const dataBytes = samples.length * 2;
  const buffer = Buffer.alloc(44 + dataBytes);
  buffer.write("RIFF", 0, "ascii");
  buffer.writeUInt32LE(36 + dataBytes, 4);
  buffer.write("WAVE", 8, "ascii");
  buffer.write("fmt ", 12, "ascii");
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(sampleRate, 24);
  buffer.writeUInt32LE(sampleRate * 2, 28);
  buffer.writeUInt16LE(2, 32);
  buffer.writeUInt16LE(16, 34);
  buffer.write("data", 36, "ascii");
  buffer.writeUInt32LE(dataBytes, 40);
  samples.forEach((value, index) => {
    buffer.writeInt16LE(
      Math.max(-32768, Math.min(32767, Math.round(value * gain * 32767))),
      44 + index * 2,
    );
  });
  return buffer;
}
