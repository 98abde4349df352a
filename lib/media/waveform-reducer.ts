import "server-only";

/**
 * Reduces 16-bit little-endian mono PCM, fed chunk by chunk, to about `target` peaks in 0–1,
 * in constant memory whatever the length: samples go into buckets of a fixed size, and
 * whenever there are twice `target` buckets, neighbours merge and the bucket size doubles.
 * So the total length never has to be known in advance.
 */
export function createWaveformReducer(target = 100) {
  // Small enough that a clip of a tenth of a second still gets its full set of peaks.
  let bucketSize = 8;
  let buckets: number[] = [];
  let current = 0;
  let inCurrent = 0;
  let samples = 0;
  let carry: Buffer | undefined;

  function closeBucket() {
    buckets.push(current);
    current = 0;
    inCurrent = 0;
    if (buckets.length >= target * 2) {
      const merged: number[] = [];
      for (let i = 0; i < buckets.length; i += 2)
        merged.push(Math.max(buckets[i] ?? 0, buckets[i + 1] ?? 0));
      buckets = merged;
      bucketSize *= 2;
    }
  }

  return {
    push(chunk: Buffer) {
      // A sample may straddle two chunks: keep its first byte for the next one.
      const data = carry ? Buffer.concat([carry, chunk]) : chunk;
      const usable = data.length - (data.length % 2);
      carry = usable < data.length ? data.subarray(usable) : undefined;
      for (let offset = 0; offset < usable; offset += 2) {
        const level = Math.abs(data.readInt16LE(offset));
        if (level > current) current = level;
        samples++;
        if (++inCurrent === bucketSize) closeBucket();
      }
    },

    /** Samples seen so far (so the duration is samples / sample rate). */
    get samples() {
      return samples;
    },

    /** At most `target` peaks, each the loudest sample of its stretch, rounded to 0.001. */
    peaks(): number[] {
      const all = inCurrent > 0 ? [...buckets, current] : [...buckets];
      const count = Math.min(target, all.length);
      const peaks: number[] = [];
      for (let i = 0; i < count; i++) {
        const from = Math.floor((i * all.length) / count);
        const to = Math.floor(((i + 1) * all.length) / count);
        const loudest = Math.max(...all.slice(from, Math.max(to, from + 1)));
        peaks.push(Math.round((loudest / 32768) * 1000) / 1000);
      }
      return peaks;
    },
  };
}
