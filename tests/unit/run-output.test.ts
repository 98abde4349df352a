import { describe, expect, it } from "vitest";
import { outputItems, outputUrls } from "@/lib/shared/run-output";
import { isTerminal, normalizeStatus } from "@/lib/shared/run-status";

describe("outputItems", () => {
  it.each([
    ["one URL", "https://cdn/x.png", [{ type: "url", url: "https://cdn/x.png" }]],
    [
      "a list of URLs",
      ["https://cdn/a.png", "https://cdn/b.png"],
      [
        { type: "url", url: "https://cdn/a.png" },
        { type: "url", url: "https://cdn/b.png" },
      ],
    ],
    ["text", "A short poem", [{ type: "text", text: "A short poem" }]],
    ["a wrapped file", { url: "https://cdn/v.mp4" }, [{ type: "url", url: "https://cdn/v.mp4" }]],
    ["JSON", { label: "cat", score: 0.9 }, [{ type: "json", value: { label: "cat", score: 0.9 } }]],
    ["nothing", null, []],
  ])("reads %s", (_name, output, expected) => {
    expect(outputItems(output)).toEqual(expected);
  });

  it("lists only the URLs", () => {
    expect(outputUrls(["https://cdn/a.png", "not a url"])).toEqual(["https://cdn/a.png"]);
  });
});

describe("normalizeStatus", () => {
  it.each([
    ["starting", "starting"],
    ["processing", "processing"],
    ["success", "succeeded"],
    ["failed", "failed"],
    ["cancelled", "cancelled"],
    ["created", "queued"],
    ["error", "failed"],
    ["succeeded", "succeeded"],
    ["canceled", "cancelled"],
    ["something-new", "processing"],
  ] as const)("%s (either dialect) → %s", (upstream, ours) => {
    expect(normalizeStatus(upstream)).toBe(ours);
  });

  it("knows which states end a run", () => {
    expect(["succeeded", "failed", "cancelled"].every((s) => isTerminal(s as never))).toBe(true);
    expect(["queued", "starting", "processing"].some((s) => isTerminal(s as never))).toBe(false);
  });
});
