import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";

export type ByteRange = { start: number; end: number };

/**
 * Parses a single `bytes=` range. Browsers seeking video send exactly one range;
 * a multi-range request is answered with the whole file, which RFC 9110 allows.
 */
export function parseRange(
  header: string | undefined,
  size: number,
): ByteRange | "unsatisfiable" | null {
  if (header === undefined) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return null;
  const [, startText = "", endText = ""] = match;
  if (startText === "" && endText === "") return null;
  if (startText === "") {
    const suffix = Number(endText);
    if (suffix === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(startText);
  const end = endText === "" ? size - 1 : Math.min(Number(endText), size - 1);
  if (start >= size || end < start) return "unsatisfiable";
  return { start, end };
}

/** Streams a file from disk (never buffered whole), with HEAD, ETag and Range support. */
export async function serveFile(
  req: IncomingMessage,
  res: ServerResponse,
  filePath: string,
  contentType: string,
  etag: string,
): Promise<void> {
  const { size } = await fs.promises.stat(filePath);
  const common = {
    "Content-Type": contentType,
    "Accept-Ranges": "bytes",
    ETag: `"${etag}"`,
    // Generated files are content-addressed, so they never change under a URL.
    "Cache-Control": "public, max-age=31536000, immutable",
  };
  if (req.headers["if-none-match"] === `"${etag}"`) {
    res.writeHead(304, common);
    res.end();
    return;
  }
  const range = parseRange(req.headers.range, size);
  if (range === "unsatisfiable") {
    res.writeHead(416, { ...common, "Content-Range": `bytes */${size}`, "Content-Length": 0 });
    res.end();
    return;
  }
  const start = range?.start ?? 0;
  const end = range?.end ?? size - 1;
  const headers =
    range === null
      ? { ...common, "Content-Length": size }
      : {
          ...common,
          "Content-Length": end - start + 1,
          "Content-Range": `bytes ${start}-${end}/${size}`,
        };
  res.writeHead(range === null ? 200 : 206, headers);
  if (req.method === "HEAD" || size === 0) {
    res.end();
    return;
  }
  try {
    await pipeline(fs.createReadStream(filePath, { start, end }), res);
  } catch {
    // The client went away mid-download (a seeking video element does this constantly).
    res.destroy();
  }
}
