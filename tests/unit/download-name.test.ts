import { describe, expect, it } from "vitest";
import { contentDisposition, downloadName } from "@/lib/gallery/download-name";

const id = "cm9x2k4qz0001abcd1234efgh";
const base = { modelSlug: "flux-1.1-pro", id, contentType: "image/png" };

describe("downloadName", () => {
  it.each([
    [
      "joins model, prompt words and the first 8 of the id",
      { prompt: "A red fox in the snow" },
      "flux-1-1-pro-a-red-fox-in-the-snow-cm9x2k4q.png",
    ],
    [
      "keeps accented letters as their base letter",
      { prompt: "Un café à Paris, l'été" },
      "flux-1-1-pro-un-cafe-a-paris-l-ete-cm9x2k4q.png",
    ],
    [
      "falls back to the title when the prompt has no ASCII letters",
      { prompt: "東京の夜景 🌃", title: "Tokyo at night" },
      "flux-1-1-pro-tokyo-at-night-cm9x2k4q.png",
    ],
    ["leaves the words out when there is no prompt or title", {}, "flux-1-1-pro-cm9x2k4q.png"],
    [
      "uses the title when there is no prompt",
      { prompt: null, title: "My upload.PNG" },
      "flux-1-1-pro-my-upload-png-cm9x2k4q.png",
    ],
    [
      "turns path characters and control characters into dashes",
      { prompt: "../../etc/passwd\u0000\\windows\\system32\nnext line" },
      "flux-1-1-pro-etc-passwd-windows-system32-next-line-cm9x2k4q.png",
    ],
    [
      "names an asset without a model 'asset'",
      { modelSlug: null, prompt: "sunset" },
      "asset-sunset-cm9x2k4q.png",
    ],
  ])("%s", (_behaviour, input, expected) => {
    expect(downloadName({ ...base, ...input })).toBe(expected);
  });

  it("cuts a very long prompt at a word boundary and stays within 80 characters", () => {
    const name = downloadName({
      ...base,
      prompt: "a cinematic wide shot of ".repeat(20) + "the end",
    });
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toMatch(/^flux-1-1-pro-a-cinematic-wide-shot-of-[a-z-]+[a-z]-cm9x2k4q\.png$/);
    expect(name).not.toMatch(/--/);
  });

  it("keeps a very long model slug from crowding out the prompt", () => {
    const name = downloadName({
      ...base,
      modelSlug: "x".repeat(120),
      prompt: "a lighthouse at dawn",
    });
    expect(name.length).toBeLessThanOrEqual(80);
    expect(name).toContain("-a-lighthouse-at-dawn-cm9x2k4q.png");
  });

  it.each([
    ["image/png", "png"],
    ["image/jpeg", "jpg"],
    ["image/webp", "webp"],
    ["image/gif", "gif"],
    ["video/mp4", "mp4"],
    ["video/webm", "webm"],
    ["video/quicktime", "mov"],
    ["audio/wav", "wav"],
    ["audio/mpeg", "mp3"],
    ["audio/mp4", "m4a"],
    ["audio/ogg", "ogg"],
    ["text/plain; charset=utf-8", "txt"],
    ["application/json", "json"],
    ["model/gltf-binary", "glb"],
    ["application/x-unknown", "bin"],
  ])("gives %s the extension .%s", (contentType, extension) => {
    expect(downloadName({ ...base, prompt: "cat", contentType })).toBe(
      `flux-1-1-pro-cat-cm9x2k4q.${extension}`,
    );
  });

  it("only ever produces safe ASCII characters", () => {
    const name = downloadName({
      modelSlug: "ünïcødé/model",
      prompt: "«quoted» \"double\" 'single' <tag> | pipe ? * : %20",
      id: "ID/with/slashes-and-more",
      contentType: "video/mp4",
    });
    expect(name).toMatch(/^[a-z0-9-]+\.mp4$/);
  });
});

describe("contentDisposition", () => {
  it("gives an ASCII name both as filename and filename*", () => {
    expect(contentDisposition("flux-1-1-pro-cat-cm9x2k4q.png")).toBe(
      `attachment; filename="flux-1-1-pro-cat-cm9x2k4q.png"; filename*=UTF-8''flux-1-1-pro-cat-cm9x2k4q.png`,
    );
  });

  it("keeps a unicode name exact in filename* and approximates it in filename", () => {
    expect(contentDisposition("café 東京 (1).png")).toBe(
      `attachment; filename="cafe __ (1).png"; filename*=UTF-8''caf%C3%A9%20%E6%9D%B1%E4%BA%AC%20%281%29.png`,
    );
  });

  it("never lets quotes, path separators or line breaks into the header", () => {
    const header = contentDisposition('../evil"\r\nSet-Cookie: x=1\\.png');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(
      /^attachment; filename="[^"\\/]*"; filename\*=UTF-8''[A-Za-z0-9%._~-]+$/,
    );
  });

  it("can ask the browser to show the file inline", () => {
    expect(contentDisposition("a.png", "inline")).toMatch(/^inline; filename="a\.png"/);
  });
});
