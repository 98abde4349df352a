import "server-only";
import { buffer } from "node:stream/consumers";
import type { MediaStore } from "../storage/media-store";

// Generators put a handful of boxes (ftyp, free, uuid…) before moov or mdat.
const MAX_BOXES = 32;

/**
 * Whether an MP4/MOV/M4A file is "fast start" (its index, the moov box, comes before the
 * media data), which is what lets ffmpeg decode it from a pipe. Walks the top-level boxes
 * with small range reads, so a bucket is not downloaded just to find out.
 */
export async function moovBeforeMdat(store: MediaStore, key: string): Promise<boolean> {
  const total = await store.size(key);
  if (total === null) return false;
  let offset = 0;
  for (let box = 0; box < MAX_BOXES && offset + 8 <= total; box++) {
    const end = Math.min(offset + 15, total - 1);
    const header = await buffer(await store.read(key, { start: offset, end }));
    if (header.length < 8) return false;
    const type = header.toString("latin1", 4, 8);
    if (type === "moov") return true;
    if (type === "mdat") return false;
    let size = header.readUInt32BE(0);
    // 1: the real size follows as 64 bits; 0: the box runs to the end of the file.
    if (size === 1 && header.length >= 16) size = Number(header.readBigUInt64BE(8));
    if (size < 8) return false;
    offset += size;
  }
  return false;
}
