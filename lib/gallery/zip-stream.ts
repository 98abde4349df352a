import "server-only";
import path from "node:path";
import type { Readable } from "node:stream";
import { finished } from "node:stream/promises";
import { ZipFile } from "yazl";

export type ZipEntry =
  | { name: string; modified: Date; size?: number; open: () => Promise<Readable> }
  | { name: string; modified: Date; text: string };

export type ZipStreamOptions = {
  /** Stops the archive (the stream ends with an error), e.g. when the download is cancelled. */
  signal?: AbortSignal;
};

/**
 * A zip archive written as it is read: files are opened one at a time, only when the archive
 * reaches them, and copied through with backpressure, so memory stays flat and nothing is
 * staged on disk however many or large the entries. Media are stored as they are (already
 * compressed, deflating them would only cost CPU); text entries such as a manifest are
 * deflated. A failure to open or read an entry ends the stream with that error, which the
 * route turns into an aborted response (a truncated zip never looks complete).
 *
 * Built on yazl: since 3.x its addReadStreamLazy asks for each entry's stream only when the
 * previous entry is fully written, and writes sizes and CRCs in data descriptors (and ZIP64
 * past 4 GB), which is everything a streaming writer needs. We also pull the next entry from
 * `entries` only once the current one is open, so a database cursor behind them is read at
 * the pace of the download too.
 */
export function zipStream(
  entries: AsyncIterable<ZipEntry> | Iterable<ZipEntry>,
  options: ZipStreamOptions = {},
): Readable {
  const zip = new ZipFile();
  const output = zip.outputStream as Readable;
  let current: Readable | undefined;
  let previousClosed: Promise<unknown> = Promise.resolve();
  let stopped = false;
  const closed = new Promise<void>((resolve) =>
    output.once("close", () => {
      stopped = true;
      current?.destroy();
      resolve();
    }),
  );
  const fail = (error: unknown) => {
    if (!output.destroyed)
      output.destroy(error instanceof Error ? error : new Error(String(error)));
  };
  zip.on("error", fail);
  if (options.signal) {
    const signal = options.signal;
    if (signal.aborted) queueMicrotask(() => fail(signal.reason));
    else signal.addEventListener("abort", () => fail(signal.reason), { once: true });
  }

  async function feed() {
    const source = (async function* () {
      yield* entries;
    })();
    const names = uniqueNames();
    try {
      for (;;) {
        const next = await Promise.race([source.next(), closed.then(() => undefined)]);
        if (!next || stopped) return;
        if (next.done) break;
        const entry = next.value;
        const name = names.claim(entry.name);
        if ("text" in entry) {
          zip.addBuffer(Buffer.from(entry.text, "utf8"), name, {
            mtime: entry.modified,
            compress: true,
          });
          continue;
        }
        const reached = new Promise<void>((resolve) => {
          zip.addReadStreamLazy(
            name,
            { mtime: entry.modified, compress: false, ...sizeOption(entry.size) },
            (callback) => {
              // yazl moves on at the previous stream's end; its handle closes a tick later.
              previousClosed
                .then(() => entry.open())
                .then((stream) => {
                  if (stopped) return void stream.destroy();
                  current = stream;
                  previousClosed = finished(stream).catch(() => undefined);
                  // yazl pipes the stream, and pipe does not pass errors on: catch them here.
                  stream.once("error", fail);
                  callback(null, stream);
                  resolve();
                }, fail);
            },
          );
        });
        await Promise.race([reached, closed]);
      }
      zip.end();
    } finally {
      // Closes whatever feeds `entries` (a cursor, a query) when the download stops early.
      if (stopped) await source.return(undefined).catch(() => undefined);
    }
  }
  feed().catch(fail);
  return output;
}

function sizeOption(size: number | undefined): { size?: number } {
  return size === undefined ? {} : { size };
}

/**
 * Archive paths that unpack safely and never overwrite each other: no absolute paths, no
 * `..`, no control characters; a repeated name becomes `a (2).png`, compared without case
 * because Windows and macOS unpack "A.png" and "a.png" onto one file.
 */
function uniqueNames() {
  const taken = new Set<string>();
  return {
    claim(wanted: string): string {
      const clean =
        wanted
          .replace(/[\u0000-\u001f\u007f]/g, "")
          .replace(/\\/g, "/")
          .split("/")
          .map((segment) => segment.trim())
          .filter((segment) => segment !== "" && segment !== "." && segment !== "..")
          .join("/") || "file";
      const extension = path.posix.extname(clean);
      const stem = clean.slice(0, clean.length - extension.length);
      let name = clean;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${stem} (${n})${extension}`;
      taken.add(name.toLowerCase());
      return name;
    },
  };
}
