// The browser's half of our relay's Server-Sent Events: a body arrives in chunks that split
// lines (and even "\r\n") anywhere, so lines are buffered until they are whole.

export type SseParser = {
  /** Feeds the next decoded chunk; calls `onData` for every message it completes. */
  push(chunk: string): void;
  /** The body ended: a message without its closing blank line is dropped, as the spec says. */
  end(): void;
};

/**
 * A minimal SSE reader for `data:` messages (https://html.spec.whatwg.org/#event-stream-interpretation):
 * several `data:` lines join with "\n", a blank line dispatches, `:` lines are comments
 * (our keep-alives), and `event:`/`id:`/`retry:` are ignored because the relay never sends them.
 */
export function createSseParser(onData: (data: string) => void): SseParser {
  let buffer = "";
  let data: string[] = [];

  const dispatch = () => {
    if (data.length > 0) onData(data.join("\n"));
    data = [];
  };

  const readLine = (line: string) => {
    if (line === "") return dispatch();
    if (line.startsWith(":")) return;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    if (field === "data") data.push(value);
  };

  return {
    push(chunk) {
      buffer += chunk;
      let start = 0;
      for (let index = 0; index < buffer.length; index++) {
        const char = buffer[index];
        if (char !== "\n" && char !== "\r") continue;
        // A "\r" at the very end may be the first half of a "\r\n" still on its way.
        if (char === "\r" && index === buffer.length - 1) break;
        readLine(buffer.slice(start, index));
        if (char === "\r" && buffer[index + 1] === "\n") index++;
        start = index + 1;
      }
      buffer = buffer.slice(start);
    },
    end() {
      if (buffer.endsWith("\r")) readLine(buffer.slice(0, -1));
      buffer = "";
      data = [];
    },
  };
}
