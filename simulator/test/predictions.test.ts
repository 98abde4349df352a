import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CatalogModel } from "../src/catalog/catalog-model.js";
import { KEY, startTestSimulator, type Prediction, type TestSimulator } from "./helpers.js";

describe("creating predictions", () => {
  let reference: TestSimulator;
  let official: TestSimulator;
  beforeAll(async () => {
    [reference, official] = await Promise.all([
      startTestSimulator(),
      startTestSimulator({ dialect: "official" }),
    ]);
  });
  afterAll(() => Promise.all([reference.close(), official.close()]));

  const post = (sim: TestSimulator, json: unknown): Promise<Response> =>
    sim.call("/v1/prediction", { method: "POST", json });

  it("answers 201 in the reference dialect and 200 in the official one, with the documented body", async () => {
    const body = { model: "flux-2-pro", version: "1.0.0", input: { prompt: "a lighthouse" } };
    for (const [sim, status] of [
      [reference, 201],
      [official, 200],
    ] as const) {
      const response = await post(sim, body);
      expect(response.status).toBe(status);
      expect(await response.json()).toEqual({
        status: "success",
        message: "Prediction created successfully",
        predictionID: expect.stringMatching(/^[0-9a-f-]{36}$/),
      });
    }
  });

  it("requires version in the reference dialect only", async () => {
    const body = { model: "flux-2-pro", input: { prompt: "no version" } };
    const refused = await post(reference, body);
    expect(refused.status).toBe(422);
    expect(await refused.json()).toMatchObject({ error: "version field is required" });
    expect((await post(official, body)).status).toBe(200);
  });

  it.each([
    ["model", { version: "1.0.0", input: { prompt: "x" } }],
    ["input", { model: "flux-2-pro", version: "1.0.0" }],
  ])("names a missing %s field (422 reference, 400 official)", async (field, body) => {
    const fromReference = await post(reference, body);
    expect(fromReference.status).toBe(422);
    expect(await fromReference.json()).toEqual({
      error: `${field} field is required`,
      details: [{ field, message: "is required" }],
    });
    const fromOfficial = await post(official, body);
    expect(fromOfficial.status).toBe(400);
    expect(await fromOfficial.json()).toMatchObject({
      status: 400,
      error: `${field} field is required`,
    });
  });

  it("answers an unknown model with 404 and a wrong version with 400", async () => {
    const unknown = await post(reference, {
      model: "flux-9000",
      version: "1.0.0",
      input: { prompt: "x" },
    });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/model not found/);
    const wrongVersion = await post(reference, {
      model: "flux-2-pro",
      version: "2.0.0",
      input: { prompt: "x" },
    });
    expect(wrongVersion.status).toBe(400);
    expect(await wrongVersion.json()).toMatchObject({ details: [{ field: "version" }] });
  });

  it("answers a body that is not JSON with 400", async () => {
    const response = await reference.call("/v1/prediction", {
      method: "POST",
      body: "{not json",
      headers: { "Content-Type": "application/json" },
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid request body" });
  });

  it.each([
    ["flux-2-max", { aspect_ratio: "1:1" }, "prompt", "is required"],
    ["flux-2-max", { prompt: "x", num_outputs: 9 }, "num_outputs", "must be at most 4"],
    ["flux-2-max", { prompt: "x", num_outputs: 0 }, "num_outputs", "must be at least 1"],
    [
      "flux-2-max",
      { prompt: "x", aspect_ratio: "5:4" },
      "aspect_ratio",
      "must be one of: 1:1, 16:9, 9:16, 4:3, 3:4, 3:2, 2:3",
    ],
    ["flux-2-max", { prompt: "x", seed: "abc" }, "seed", "must be an integer"],
    ["flux-2-edit", { prompt: "x", image_url: "not a url" }, "image_url", "must be a valid URL"],
    [
      "topaz-upscale-image",
      { image_url: "https://example.com/a.png", scale: 3 },
      "scale",
      "must be one of: 2, 4",
    ],
  ])("%s with %j fails validation naming %s", async (model, input, field, message) => {
    const response = await post(reference, { model, version: "1.0.0", input });
    expect(response.status).toBe(400);
    const body = (await response.json()) as {
      error: string;
      details: { field: string; message: string }[];
    };
    expect(body.error).toBe(`Invalid input for model: ${field} ${message}`);
    expect(body.details[0]).toEqual({ field, message });

    const fromOfficial = await post(official, { model, input });
    expect(fromOfficial.status).toBe(400);
    expect(await fromOfficial.json()).toMatchObject({
      status: 400,
      error: "Invalid input for model",
      details: [{ field, message }],
    });
  });

  it("refuses a prompt over 10,000 characters and more than 4 images with 422", async () => {
    const long = await post(reference, {
      model: "flux-2-max",
      version: "1.0.0",
      input: { prompt: "a".repeat(10_001) },
    });
    expect(long.status).toBe(422);
    expect(await long.json()).toMatchObject({
      error: expect.stringMatching(
        /^Invalid input for model: prompt must be at most 10,000 characters/,
      ),
      details: [{ field: "prompt" }],
    });
    const images = Array.from({ length: 5 }, (_, index) => `https://example.com/${index}.png`);
    const many = await post(reference, {
      model: "flux-2-max",
      version: "1.0.0",
      input: { prompt: "x", image_urls: images },
    });
    expect(many.status).toBe(422);
    expect(await many.json()).toMatchObject({
      details: [{ field: "image_urls", message: expect.stringMatching(/maximum 4 images/) }],
    });
  });

  it("coerces lenient values: numeric strings, boolean words, enum text", async () => {
    const id = await reference.create("each-upscaler", {
      image: "https://example.com/a.png",
      scale_factor: "2",
      pattern: "False",
      handfix: "DISABLED",
      seed: "",
    });
    const { prediction } = await reference.waitForEnd(id);
    expect(prediction.status).toBe("success");
    // The input is echoed exactly as sent, not as coerced.
    expect(prediction.input).toEqual({
      image: "https://example.com/a.png",
      scale_factor: "2",
      pattern: "False",
      handfix: "DISABLED",
      seed: "",
    });
  });

  it("refuses a webhook_url that is not http(s)", async () => {
    const response = await post(reference, {
      model: "flux-2-pro",
      version: "1.0.0",
      input: { prompt: "x" },
      webhook_url: "ftp://example.com",
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ details: [{ field: "webhook_url" }] });
  });
});

describe("messy catalog schemas", () => {
  const messy: CatalogModel = {
    title: "Messy Model",
    slug: "messy-model",
    version: "1.0.0",
    output_type: "array",
    request_schema: {
      type: "object",
      properties: {
        prompt: { type: "string" },
        aspect_ratio: { allOf: [{ $ref: "#/definitions/aspect_ratio" }], default: "16:9" },
        num_outputs: { type: "integer", default: "2", minimum: 1, maximum: 4 },
        go_fast: { type: "boolean", default: "False" },
        scheduler: { allOf: [{ $ref: "#/components/schemas/scheduler" }], default: "K_EULER" },
      },
      required: ["prompt"],
      definitions: { aspect_ratio: { type: "string", enum: ["1:1", "16:9"] } },
    },
  };
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ catalog: [messy] });
  });
  afterAll(() => sim.close());

  it("applies string defaults as their declared types and resolves $ref enums", async () => {
    const id = await sim.create("messy-model", { prompt: "defaults only", seed: 3 });
    const { prediction } = await sim.waitForEnd(id);
    // default num_outputs "2" became 2 outputs; default aspect 16:9 gave a wide picture.
    expect(prediction.output).toHaveLength(2);
  });

  it("validates enums behind $ref and accepts anything behind an unresolvable $ref", async () => {
    const bad = await sim.call("/v1/prediction", {
      method: "POST",
      json: { model: "messy-model", version: "1.0.0", input: { prompt: "x", aspect_ratio: "4:3" } },
    });
    expect(await bad.json()).toMatchObject({
      details: [{ field: "aspect_ratio", message: "must be one of: 1:1, 16:9" }],
    });
    const anything = await sim.call("/v1/prediction", {
      method: "POST",
      json: {
        model: "messy-model",
        version: "1.0.0",
        input: { prompt: "x", scheduler: "whatever" },
      },
    });
    expect(anything.status).toBe(201);
  });
});

describe("prediction lifecycle", () => {
  let reference: TestSimulator;
  let official: TestSimulator;
  beforeAll(async () => {
    [reference, official] = await Promise.all([
      startTestSimulator(),
      startTestSimulator({ dialect: "official" }),
    ]);
  });
  afterAll(() => Promise.all([reference.close(), official.close()]));

  /** 100 s nominal × 0.01 = 1 s per image (150 ms queued): every status stays long enough to see, even on a busy machine. */
  async function withSlowImages(sim: TestSimulator, run: () => Promise<void>): Promise<void> {
    await sim.control({ durationsMs: { image: 100_000 } });
    try {
      await run();
    } finally {
      await sim.control({ durationsMs: { image: 3_000 } });
    }
  }

  it("moves starting → processing → success, with metrics and URLs (reference)", async () => {
    await withSlowImages(reference, async () => {
      const id = await reference.create("flux-2-max", {
        prompt: "a red barn",
        num_outputs: 2,
        seed: 5,
      });
      const running = (await (await reference.call(`/v1/prediction/${id}`)).json()) as Prediction;
      expect(running).toMatchObject({
        status: "starting",
        output: null,
        logs: null,
        metrics: { predict_time: null, cost: null },
      });
      const { prediction, statuses } = await reference.waitForEnd(id);
      expect(statuses).toEqual(["starting", "processing", "success"]);
      expect(prediction).toEqual({
        id,
        status: "success",
        input: { prompt: "a red barn", num_outputs: 2, seed: 5 },
        output: [
          expect.stringMatching(/\/media\/[0-9a-f]{40}\.png$/),
          expect.stringMatching(/\.png$/),
        ],
        logs: null,
        metrics: { predict_time: expect.any(Number), cost: 0.14 },
        urls: {
          cancel: `${reference.url}/v1/prediction/${id}/cancel`,
          get: `${reference.url}/v1/prediction/${id}`,
        },
      });
      expect(prediction.metrics.predict_time).toBeGreaterThan(10);
    });
  });

  it("moves created → processing → success with zero metrics while running (official)", async () => {
    await withSlowImages(official, async () => {
      const id = await official.create("flux-kontext-pro", { prompt: "a logo" });
      const running = (await (await official.call(`/v1/prediction/${id}`)).json()) as Prediction;
      expect(running).toMatchObject({ status: "created", metrics: { predict_time: 0, cost: 0 } });
      const { prediction, statuses } = await official.waitForEnd(id);
      expect(statuses).toEqual(["created", "processing", "success"]);
      expect(typeof prediction.output).toBe("string");
    });
  });

  it("answers an unknown prediction with the documented 404", async () => {
    const response = await reference.call("/v1/prediction/00000000-0000-4000-8000-000000000000");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "Prediction not found" });
  });

  it("cancels a running prediction at its urls.cancel URL", async () => {
    const id = await reference.create("flux-2-pro", { prompt: "forever [[hang]]" });
    const { urls } = (await (await reference.call(`/v1/prediction/${id}`)).json()) as Prediction;
    const response = await reference.call(new URL(urls.cancel).pathname, { method: "POST" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "cancelled",
      message: "Prediction canceled successfully",
      predictionID: id,
    });
    const { prediction } = await reference.waitForEnd(id);
    expect(prediction).toMatchObject({ status: "cancelled", output: null, metrics: { cost: 0 } });
  });

  it("leaves a finished prediction as it is when cancelled", async () => {
    const id = await reference.create("flux-2-pro", { prompt: "done already" });
    await reference.waitForEnd(id);
    expect((await reference.call(`/v1/prediction/${id}/cancel`, { method: "POST" })).status).toBe(
      200,
    );
    const after = (await (await reference.call(`/v1/prediction/${id}`)).json()) as Prediction;
    expect(after.status).toBe("success");
  });

  it("ends a [[fail]] prediction as failed with realistic logs (error + envelope in official)", async () => {
    const failed = (
      await reference.waitForEnd(await reference.create("flux-2-pro", { prompt: "boom [[fail]]" }))
    ).prediction;
    expect(failed).toMatchObject({ status: "failed", output: null, metrics: { cost: 0 } });
    expect(failed.logs?.split("\n").at(-1)).toBe("Error: model execution failed");
    const custom = (
      await official.waitForEnd(
        await official.create("flux-2-pro", { prompt: "boom [[fail:GPU on fire]]" }),
      )
    ).prediction;
    expect(custom).toMatchObject({
      status: "error",
      output: { error_code: "EXECUTION_FAILED", error_message: "GPU on fire" },
    });
    expect(custom.logs).toMatch(/Error: GPU on fire$/);
  });

  it("fails a [[fail-once]] input the first time only", async () => {
    const input = { prompt: "flaky [[fail-once]]", seed: 1 };
    expect(
      (await reference.waitForEnd(await reference.create("flux-2-pro", input))).prediction.status,
    ).toBe("failed");
    expect(
      (await reference.waitForEnd(await reference.create("flux-2-pro", input))).prediction.status,
    ).toBe("success");
  });

  it("ends a [[timeout]] prediction with an execution timeout", async () => {
    const { prediction } = await reference.waitForEnd(
      await reference.create("nano-banana-pro", { prompt: "late [[timeout]]" }),
    );
    expect(prediction.status).toBe("failed");
    expect(prediction.logs).toMatch(/EXECUTION_TIMEOUT/);
  });

  it.each([
    ["flux-2-pro", "an nsfw scene", undefined, "failed"],
    ["flux-2-pro", "an NSFW scene", false, "failed"],
    ["seedream-v4-5", "an nsfw scene", undefined, "failed"],
    ["seedream-v4-5", "an nsfw scene", false, "success"],
    ["seedream-v4-5", "an nsfw scene", "false", "success"],
    ["flux-2-pro", "nsfwish is not the word", undefined, "success"],
  ])(
    "safety checker: %s with %j and enable_safety_checker=%j ends %s",
    async (model, prompt, setting, status) => {
      const input: Record<string, unknown> = { prompt };
      if (setting !== undefined) input.enable_safety_checker = setting;
      const { prediction } = await reference.waitForEnd(await reference.create(model, input));
      expect(prediction.status).toBe(status);
      if (status === "failed") expect(prediction.logs).toBe("Error: content filter triggered");
    },
  );

  it("runs a prediction synchronously with POST /v1/prediction/run", async () => {
    const response = await official.call("/v1/prediction/run", {
      method: "POST",
      json: { model: "nano-banana-pro", input: { prompt: "sync" } },
    });
    expect(response.status).toBe(200);
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      status: "success",
      message: expect.any(String),
      predictionID: expect.any(String),
      error: "",
    });
    expect(body.output).toEqual([expect.stringMatching(/\.png$/)]);
    const failed = await official.call("/v1/prediction/run", {
      method: "POST",
      json: { model: "nano-banana-pro", input: { prompt: "[[fail]]" } },
    });
    expect(await failed.json()).toMatchObject({
      status: "failed",
      output: null,
      error: "model execution failed",
    });
  });

  it("refuses sync runs of video models and unreadable sync bodies", async () => {
    const video = await official.call("/v1/prediction/run", {
      method: "POST",
      json: { model: "veo-3", input: { prompt: "x" } },
    });
    expect(video.status).toBe(400);
    const garbage = await official.call("/v1/prediction/run", {
      method: "POST",
      body: "nope",
      key: KEY,
    });
    expect(garbage.status).toBe(422);
    expect(await garbage.json()).toMatchObject({ status: 422, error: "invalid request body" });
  });
});
