import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fixtures from "../fixtures/models.json";
import { synthesizeCatalog } from "../src/catalog/synthesize-catalog.js";
import { Catalog } from "../src/catalog/catalog.js";
import { startTestSimulator, type TestSimulator } from "./helpers.js";

type Model = {
  title: string;
  slug: string;
  version: string;
  output_type: string;
  request_schema: Record<string, unknown>;
};

describe("model catalog (reference dialect)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  const list = async (query: string): Promise<Model[]> =>
    (await (await sim.call(`/v1/models${query}`, { key: null })).json()) as Model[];

  it("lists the fixture catalog in the documented shape", async () => {
    const models = await list("");
    expect(models).toHaveLength(fixtures.length);
    for (const model of models) {
      expect(Object.keys(model).sort()).toEqual([
        "output_type",
        "request_schema",
        "slug",
        "title",
        "version",
      ]);
    }
  });

  it.each([
    [
      "FLUX",
      (model: Model) => model.slug.includes("flux") || model.title.toLowerCase().includes("flux"),
    ],
    ["kontext", (model: Model) => model.slug === "flux-kontext-pro"],
    // Only the title has the space: proves the filter reads titles too.
    ["bg remover", (model: Model) => model.slug === "eachlabs-bg-remover-v1"],
    ["veo3-1", (model: Model) => model.slug === "veo3-1-fast"],
  ])("filters by name %j case-insensitively on title and slug", async (name, expected) => {
    const models = await list(`?name=${encodeURIComponent(name)}`);
    expect(models.length).toBeGreaterThan(0);
    expect(models.map((model) => model.slug).sort()).toEqual(
      (fixtures as Model[])
        .filter(expected)
        .map((model) => model.slug)
        .sort(),
    );
  });

  it("pages with limit and offset", async () => {
    expect(await list("?limit=5")).toHaveLength(5);
    const page = await list("?limit=10&offset=20");
    expect(page.map((model) => model.slug)).toEqual(
      (fixtures as Model[]).slice(20, 30).map((model) => model.slug),
    );
    expect(await list("?limit=500")).toHaveLength(fixtures.length);
    expect(await list("?offset=1000")).toEqual([]);
  });

  it.each(["0", "501", "abc", "1.5", "-1", ""])(
    "rejects limit=%j with 400 invalid limit parameter",
    async (limit) => {
      const response = await sim.call(`/v1/models?limit=${limit}`, { key: null });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "invalid limit parameter" });
    },
  );

  it("gets one model by slug, by query or by path", async () => {
    const expected = (fixtures as Model[]).find((model) => model.slug === "each-upscaler");
    for (const path of ["/v1/model?slug=each-upscaler", "/v1/models/each-upscaler"]) {
      const response = await sim.call(path);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual(expected);
    }
  });

  it("answers a missing slug with 400 and an unknown one with 404, as documented", async () => {
    const missing = await sim.call("/v1/model");
    expect(missing.status).toBe(400);
    expect(await missing.json()).toEqual({ error: "slug parameter is required" });
    const unknown = await sim.call("/v1/model?slug=nope");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "Failed to fetch model: model not found" });
  });
});

describe("model catalog (official dialect)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator({ dialect: "official" });
  });
  afterAll(() => sim.close());

  it("reports version 0.0.1 for every model and adds a cost block to details", async () => {
    const models = (await (await sim.call("/v1/models", { key: null })).json()) as Model[];
    expect(new Set(models.map((model) => model.version))).toEqual(new Set(["0.0.1"]));
    const detail = (await (
      await sim.call("/v1/models/flux-2-max", { key: null })
    ).json()) as Record<string, unknown>;
    expect(detail).toMatchObject({
      slug: "flux-2-max",
      version: "0.0.1",
      cost: { currency: "USD", amount: 0.07, unit: "image" },
    });
  });

  it("adds status and details to error bodies", async () => {
    const response = await sim.call("/v1/model?slug=nope", { key: null });
    expect(await response.json()).toMatchObject({
      status: 404,
      error: "Failed to fetch model: model not found",
    });
  });
});

describe("synthesized catalogs", () => {
  it("are deterministic and cover every media kind", () => {
    const first = synthesizeCatalog(400);
    const second = synthesizeCatalog(400);
    expect(first.models).toEqual(second.models);
    expect(new Set(first.models.map((model) => model.slug)).size).toBe(400);
    expect(new Set(first.kinds.values())).toEqual(new Set(["image", "video", "audio", "text"]));
  });

  it("have schemas that compile and accept their required fields, coercing string defaults", () => {
    const { models, kinds } = synthesizeCatalog(300);
    const warnings: string[] = [];
    const catalog = new Catalog(models, kinds, (line) => warnings.push(line));
    for (const model of models) {
      const required = (model.request_schema.required as string[]) ?? [];
      const input = Object.fromEntries(
        required.map((field) => [
          field,
          field.includes("url") ? "https://example.com/a.png" : "a prompt",
        ]),
      );
      const result = catalog.validatorFor(model)(input);
      expect(result.ok, `${model.slug}: ${JSON.stringify(result)}`).toBe(true);
      if (
        result.ok &&
        "num_outputs" in (model.request_schema.properties as Record<string, unknown>)
      ) {
        expect(result.value.num_outputs).toBe(1);
      }
    }
    expect(warnings).toEqual([]);
  });

  it("are served with --models N", async () => {
    const sim = await startTestSimulator({ models: 600 });
    try {
      const page = (await (
        await sim.call("/v1/models?limit=500&offset=100", { key: null })
      ).json()) as Model[];
      expect(page).toHaveLength(500);
    } finally {
      await sim.close();
    }
  });
});
