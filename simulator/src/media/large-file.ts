import fs from "node:fs";

/** Ceiling for `[[size:...]]`, to keep a typo from filling the disk. */
export const MAX_LARGE_BYTES = 4 * 1024 ** 3 - 1;

const ZEROS = Buffer.alloc(1024 * 1024);
const PNG_CHUNK_BYTES = 16 * 1024 * 1024;

/** Parses "200mb", "1.5gb", "512kb", "1000" (bytes); units are binary (1 MB = 1,048,576 bytes). */
export function parseSize(text: string): number | null {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*$/i.exec(text);
  if (match === null) return null;
  const units: Record<string, number> = {
    b: 1,
    k: 1024,
    kb: 1024,
    m: 1024 ** 2,
    mb: 1024 ** 2,
    g: 1024 ** 3,
    gb: 1024 ** 3,
  };
  const bytes = Math.round(Number(match[1]) * (units[(match[2] ?? "b").toLowerCase()] ?? 1));
  return bytes > 0 ? Math.min(bytes, MAX_LARGE_BYTES) : null;
}

/**
 * Grows a generated file to `targetBytes` while keeping it a valid file of its
 * type: an MP4 `free` box, a WAV `JUNK` chunk, PNG private ancillary chunks, or
 * plain zeros for anything else. Written 1 MiB at a time, so memory stays flat
 * however large the file is.
 */
export async function padFile(
  filePath: string,
  extension: string,
  targetBytes: number,
): Promise<void> {
  const { size } = await fs.promises.stat(filePath);
  const extra = targetBytes - size;
  if (extra <= 0) return;
  switch (extension) {
    case "mp4":
      return extra >= 16 ? padMp4(filePath, extra) : appendZeros(filePath, extra);
    case "wav":
      return extra >= 8 ? padWav(filePath, extra) : undefined;
    case "png":
      return extra >= 12 ? padPng(filePath, extra) : undefined;
    default:
      return appendZeros(filePath, extra);
  }
}

async function padMp4(filePath: string, extra: number): Promise<void> {
  // Sizes past 4 GiB need the 64-bit "largesize" box form.
  const header = extra >= 2 ** 32 ? Buffer.alloc(16) : Buffer.alloc(8);
  if (header.length === 16) {
    header.writeUInt32BE(1, 0);
    header.write("free", 4, "ascii");
    header.writeBigUInt64BE(BigInt(extra), 8);
  } else {
    header.writeUInt32BE(extra, 0);
    header.write("free", 4, "ascii");
  }
  await appendBytes(filePath, header, extra - header.length);
}

async function padWav(filePath: string, extra: number): Promise<void> {
  const body = extra - 8 - (extra % 2); // RIFF chunks are word-aligned
  const header = Buffer.alloc(8);
  header.write("JUNK", 0, "ascii");
  header.writeUInt32LE(body, 4);
  await appendBytes(filePath, header, body);
  const handle = await fs.promises.open(filePath, "r+");
  try {
    const riffSize = Buffer.alloc(4);
    riffSize.writeUInt32LE(Math.min(2 ** 32 - 1, (await handle.stat()).size - 8), 0);
    await handle.write(riffSize, 0, 4, 4);
  } finally {
    await handle.close();
  }
}

/** Inserts "pdNg" chunks (private, ancillary, safe to copy) before IEND, which decoders skip. */
async function padPng(filePath: string, extra: number): Promise<void> {
  const original = await fs.promises.readFile(filePath);
  const iend = original.subarray(original.length - 12);
  const handle = await fs.promises.open(filePath, "w");
  try {
    await handle.write(original.subarray(0, original.length - 12));
    let remaining = extra;
    while (remaining >= 12) {
      const dataBytes = Math.min(PNG_CHUNK_BYTES, remaining - 12);
      const header = Buffer.alloc(8);
      header.writeUInt32BE(dataBytes, 0);
      header.write("pdNg", 4, "ascii");
      await handle.write(header);
      await writeZeros(handle, dataBytes);
      const crc = Buffer.alloc(4);
      crc.writeUInt32BE(crc32ZeroChunk(dataBytes), 0);
      await handle.write(crc);
      remaining -= dataBytes + 12;
    }
    await handle.write(iend);
  } finally {
    await handle.close();
  }
}

async function appendZeros(filePath: string, bytes: number): Promise<void> {
  await appendBytes(filePath, Buffer.alloc(0), bytes);
}

async function appendBytes(filePath: string, header: Buffer, zeroBytes: number): Promise<void> {
  const handle = await fs.promises.open(filePath, "a");
  try {
    if (header.length > 0) await handle.write(header);
    await writeZeros(handle, zeroBytes);
  } finally {
    await handle.close();
  }
}

async function writeZeros(handle: fs.promises.FileHandle, bytes: number): Promise<void> {
  let left = bytes;
  while (left > 0) {
    const length = Math.min(left, ZEROS.length);
    await handle.write(ZEROS, 0, length);
    left -= length;
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, index) => {
  let value = index;
  for (let bit = 0; bit < 8; bit += 1) value = value & 1 ? 0xedb88320 ^ (value >>> 1) : value >>> 1;
  return value >>> 0;
});
const zeroChunkCrcs = new Map<number, number>();

/** CRC-32 of "pdNg" + `length` zero bytes, memoised: all full chunks share one. */
function crc32ZeroChunk(length: number): number {
  const known = zeroChunkCrcs.get(length);
  if (known !== undefined) return known;
  let crc = 0xffffffff;
  const step = (byte: number): void => {
    crc = (CRC_TABLE[(crc ^ byte) & 0xff] ?? 0) ^ (crc >>> 8);
  };
  for (const byte of Buffer.from("pdNg", "ascii")) step(byte);
  for (let index = 0; index < length; index += 1) step(0);
  const result = (crc ^ 0xffffffff) >>> 0;
  zeroChunkCrcs.set(length, result);
  return result;
}
