import fs from "node:fs";
import type { ServerResponse } from "node:http";

/** Written into a replayed event in place of this token: when it left (ms since the epoch). */
export const SENT_AT_TOKEN = "__SENT_AT__";

/**
 * Plays a recorded `.sse` file back verbatim: the exact bytes of the file, one
 * event (up to and including its blank line) at a time with `pauseMs` between
 * them, so a client sees the same pacing shape as a live stream. The one change:
 * `__SENT_AT__` becomes the moment the event is written, so a benchmark can tell
 * how long each event took to reach its client.
 */
export async function replayStream(
  res: ServerResponse,
  file: string,
  pauseMs: number,
  sleep: (ms: number) => Promise<void>,
  headers: Record<string, string> = {},
): Promise<void> {
  const text = await fs.promises.readFile(file, "utf8");
  res.socket?.setNoDelay(true);
  res.writeHead(200, {
    ...headers,
    "Content-Type": "text/event-stream",
    "Cache-Control": "no-cache",
    Connection: "keep-alive",
    "X-Accel-Buffering": "no",
  });
  res.flushHeaders();
  let gone = false;
  res.on("close", () => {
    if (!res.writableEnded) gone = true;
  });
  for (const [index, piece] of splitEvents(text).entries()) {
    if (gone) return;
    if (index > 0 && pauseMs > 0) await sleep(pauseMs);
    if (gone) return;
    res.write(
      piece.includes(SENT_AT_TOKEN)
        ? piece.replaceAll(SENT_AT_TOKEN, (performance.timeOrigin + performance.now()).toFixed(3))
        : piece,
    );
  }
  res.end();
}

/** The file cut after every blank line; joined again they are the file, byte for byte. */
export function splitEvents(text: string): string[] {
  const pieces: string[] = [];
  const separator = /\r?\n\r?\n/g;
  let start = 0;
  for (let match = separator.exec(text); match !== null; match = separator.exec(text)) {
    pieces.push(text.slice(start, match.index + match[0].length));
    start = match.index + match[0].length;
  }
  if (start < text.length) pieces.push(text.slice(start));
  return pieces;
}
