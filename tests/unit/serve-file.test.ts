import { describe, expect, it } from "vitest";
import { parseRange } from "@/lib/http/serve-file";

describe("parseRange", () => {
  it.each([
    [null, null],
    ["bytes=0-99", { start: 0, end: 99 }],
    ["bytes=100-", { start: 100, end: 999 }],
    ["bytes=-200", { start: 800, end: 999 }],
    ["bytes=900-5000", { start: 900, end: 999 }],
    ["bytes=1000-1001", "invalid"],
    ["bytes=50-10", "invalid"],
    ["bytes=-", "invalid"],
    ["items=0-1", "invalid"],
  ])("%s of a 1000-byte file → %o", (header, expected) => {
    expect(parseRange(header, 1000)).toEqual(expected);
  });
});
