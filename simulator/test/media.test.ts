import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, pngSize, startTestSimulator, type TestSimulator } from "./helpers.js";

/** Runs a prediction to success and returns its output. */
async function outputOf(
  sim: TestSimulator,
  model: string,
  input: Record<string, unknown>,
): Promise<unknown> {
  const { prediction } = await sim.waitForEnd(await sim.create(model, input));
  expect(prediction.status, prediction.logs ?? "").toBe("success");
  return prediction.output;
}

async function firstUrl(
  sim: TestSimulator,
  model: string,
  input: Record<string, unknown>,
): Promise<string> {
  const output = await outputOf(sim, model, input);
  const url = Array.isArray(output) ? output[0] : output;
  if (typeof url !== "string") throw new Error(`no URL in ${JSON.stringify(output)}`);
  return url;
}

/** Uploads bytes through presign + PUT and returns the public URL. */
async function upload(sim: TestSimulator, data: Buffer, contentType: string): Promise<string> {
  const presigned = (await (
    await sim.call("/v1/upload/presign", { method: "POST", json: { content_type: contentType } })
  ).json()) as {
    presigned_url: string;
    public_url: string;
    required_headers: Record<string, string>;
  };
  const put = await fetch(presigned.presigned_url, {
    method: "PUT",
    body: new Uint8Array(data),
    headers: { "Content-Type": contentType, ...presigned.required_headers },
  });
  expect(put.status).toBe(200);
  return presigned.public_url;
}

describe("generated media", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it.each([
    ["1:1", 768, 768],
    ["16:9", 768, 432],
    ["9:16", 432, 768],
    ["4:3", 768, 576],
    ["3:2", 768, 512],
    ["2:3", 512, 768],
  ])(
    "an image for aspect ratio %s is a decodable %i×%i PNG",
    async (aspect_ratio, width, height) => {
      const { response, data } = await download(
        await firstUrl(sim, "flux-2-pro", { prompt: "a harbour at dawn", aspect_ratio, seed: 11 }),
      );
      expect(response.headers.get("content-type")).toBe("image/png");
      expect(Number(response.headers.get("content-length"))).toBe(data.length);
      expect(data.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(pngSize(data)).toEqual({ width, height });
      expect(await sharp(data).metadata()).toMatchObject({ width, height, format: "png" });
    },
  );

  it("gives num_outputs distinct images as an array, and a string for string-output models", async () => {
    const urls = (await outputOf(sim, "nano-banana-pro", {
      prompt: "three cats",
      num_outputs: 3,
      seed: 2,
    })) as string[];
    expect(urls).toHaveLength(3);
    const files = await Promise.all(
      urls.map(async (url) => (await download(url)).data.toString("base64")),
    );
    expect(new Set(files).size).toBe(3);
    expect(typeof (await outputOf(sim, "flux-kontext-pro", { prompt: "a logo" }))).toBe("string");
  });

  it("makes an H.264 MP4 that starts playing at once (ftyp first, moov before mdat)", async () => {
    const { response, data } = await download(
      await firstUrl(sim, "veo3-1-fast", {
        prompt: "waves",
        aspect_ratio: "9:16",
        duration: 2,
        seed: 3,
      }),
    );
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(data.subarray(4, 8).toString("ascii")).toBe("ftyp");
    const moov = data.indexOf("moov");
    const mdat = data.indexOf("mdat");
    expect(moov).toBeGreaterThan(0);
    expect(moov).toBeLessThan(mdat);
    expect(data.indexOf("avc1")).toBeGreaterThan(0);
  });

  it("makes a WAV whose length follows the duration input", async () => {
    const { response, data } = await download(
      await firstUrl(sim, "stable-audio-2-5", {
        prompt: "rain on a tin roof",
        duration: 1.5,
        seed: 4,
      }),
    );
    expect(response.headers.get("content-type")).toBe("audio/wav");
    expect(data.subarray(0, 4).toString("ascii")).toBe("RIFF");
    expect(data.subarray(8, 12).toString("ascii")).toBe("WAVE");
    const sampleRate = data.readUInt32LE(24);
    const dataBytes = data.readUInt32LE(40);
    expect(dataBytes / (sampleRate * 2)).toBeCloseTo(1.5, 2);
  });

  it("speaks text for text-to-speech models", async () => {
    const { data } = await download(
      await firstUrl(sim, "elevenlabs-tts", { text: "Hello there, this is a simulated voice." }),
    );
    expect(data.subarray(0, 4).toString("ascii")).toBe("RIFF");
  });

  it("serves byte ranges (206), suffix ranges, HEAD and 416 for unsatisfiable ranges", async () => {
    const url = await firstUrl(sim, "flux-2-pro", { prompt: "ranges", seed: 9 });
    const whole = (await download(url)).data;
    const partial = await download(url, { headers: { Range: "bytes=0-99" } });
    expect(partial.response.status).toBe(206);
    expect(partial.response.headers.get("content-range")).toBe(`bytes 0-99/${whole.length}`);
    expect(partial.response.headers.get("accept-ranges")).toBe("bytes");
    expect(partial.data).toEqual(whole.subarray(0, 100));
    const suffix = await download(url, { headers: { Range: "bytes=-10" } });
    expect(suffix.data).toEqual(whole.subarray(whole.length - 10));
    const head = await fetch(url, { method: "HEAD" });
    expect(Number(head.headers.get("content-length"))).toBe(whole.length);
    const beyond = await fetch(url, { headers: { Range: `bytes=${whole.length}-` } });
    expect(beyond.status).toBe(416);
    expect(beyond.headers.get("content-range")).toBe(`bytes */${whole.length}`);
  });

  it("derives images from an input the simulator serves: upscale doubles, bg removal adds alpha", async () => {
    const source = await sharp({
      create: { width: 300, height: 200, channels: 3, background: "#3366cc" },
    })
      .png()
      .toBuffer();
    const imageUrl = await upload(sim, source, "image/png");
    const upscaled = (
      await download(await firstUrl(sim, "topaz-upscale-image", { image_url: imageUrl, scale: 2 }))
    ).data;
    expect(pngSize(upscaled)).toEqual({ width: 600, height: 400 });
    const cutout = (
      await download(await firstUrl(sim, "eachlabs-bg-remover-v1", { image_url: imageUrl }))
    ).data;
    expect(await sharp(cutout).metadata()).toMatchObject({
      width: 300,
      height: 200,
      hasAlpha: true,
    });
    const video = (
      await download(
        await firstUrl(sim, "kling-2-1-image-to-video", { image_url: imageUrl, duration: 1 }),
      )
    ).data;
    expect(video.subarray(4, 8).toString("ascii")).toBe("ftyp");
  });

  it("generates a stand-in picture for image URLs it cannot reach", async () => {
    const upscaled = (
      await download(
        await firstUrl(sim, "topaz-upscale-image", {
          image_url: "https://cdn.example.com/x.png",
          scale: 2,
        }),
      )
    ).data;
    expect(pngSize(upscaled)).toEqual({ width: 1536, height: 1536 });
  });

  it("pads the output to [[size:...]] bytes without breaking the container", async () => {
    const url = await firstUrl(sim, "veo3-1-fast", {
      prompt: "big file [[size:3mb]]",
      duration: 1,
      seed: 8,
    });
    const response = await fetch(url);
    expect(Number(response.headers.get("content-length"))).toBe(3 * 1024 * 1024);
    let received = 0;
    let head: Buffer | null = null;
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      head ??= Buffer.from(chunk);
      received += chunk.length;
    }
    expect(received).toBe(3 * 1024 * 1024);
    expect(head?.subarray(4, 8).toString("ascii")).toBe("ftyp");
    const image = (
      await download(await firstUrl(sim, "flux-2-pro", { prompt: "[[size:1mb]]", seed: 8 }))
    ).data;
    expect(image.length).toBe(1024 * 1024);
    expect(await sharp(image).metadata()).toMatchObject({ width: 768, height: 768 });
  });
});

describe("determinism", () => {
  let first: TestSimulator;
  let second: TestSimulator;
  beforeAll(async () => {
    // Separate media folders, so equal bytes come from regenerating, not from a shared cache.
    [first, second] = await Promise.all([startTestSimulator(), startTestSimulator()]);
  });
  afterAll(() => Promise.all([first.close(), second.close()]));

  it.each([
    ["flux-2-max", { prompt: "a quiet library", aspect_ratio: "4:3", seed: 1234 }],
    ["stable-audio-2-5", { prompt: "a bell", duration: 1, seed: 1234 }],
    ["pixverse-v4-1", { prompt: "a kite", duration: 1, seed: 1234 }],
  ])(
    "the same %s input and seed give byte-identical files on separate simulators",
    async (model, input) => {
      const [a, b] = await Promise.all([
        firstUrl(first, model, input),
        firstUrl(second, model, input),
      ]);
      expect(new URL(a).pathname).toBe(new URL(b).pathname);
      expect((await download(a)).data.equals((await download(b)).data)).toBe(true);
    },
  );

  it("a different seed or prompt gives a different picture", async () => {
    const base = await firstUrl(first, "flux-2-max", { prompt: "a quiet library", seed: 1 });
    const otherSeed = await firstUrl(first, "flux-2-max", { prompt: "a quiet library", seed: 2 });
    const otherPrompt = await firstUrl(first, "flux-2-max", { prompt: "a loud library", seed: 1 });
    const files = await Promise.all(
      [base, otherSeed, otherPrompt].map(async (url) =>
        (await download(url)).data.toString("base64"),
      ),
    );
    expect(new Set(files).size).toBe(3);
  });
});

describe("text-output models", () => {
  it("answer with text, or a JSON object for output_type object", async () => {
    const schema = {
      type: "object",
      properties: { prompt: { type: "string" } },
      required: ["prompt"],
    };
    const sim = await startTestSimulator({
      catalog: [
        {
          title: "Acme Chat V1",
          slug: "acme-chat-v1",
          version: "1.0.0",
          output_type: "object",
          request_schema: schema,
        },
        {
          title: "Acme Caption",
          slug: "acme-caption",
          version: "1.0.0",
          output_type: "string",
          request_schema: schema,
        },
      ],
    });
    try {
      const object = await outputOf(sim, "acme-chat-v1", { prompt: "hello", seed: 1 });
      expect(object).toEqual({
        text: expect.stringContaining('"hello"'),
        usage: { prompt_tokens: 2, completion_tokens: expect.any(Number) },
      });
      expect(typeof (await outputOf(sim, "acme-caption", { prompt: "describe", seed: 1 }))).toBe(
        "string",
      );
    } finally {
      await sim.close();
    }
  });
});
