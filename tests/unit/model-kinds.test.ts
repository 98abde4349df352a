import { describe, expect, it } from "vitest";
import type { MediaKind, UpstreamModel } from "@/lib/shared/catalog-types";
import { inferModelKinds, toCatalogModel } from "@/lib/shared/model-kinds";
// Fixtures are read as data only: model-media.json is the truth the real API never sends.
import fixtureMedia from "@/simulator/fixtures/model-media.json";
import fixtureModels from "@/simulator/fixtures/models.json";

const models: UpstreamModel[] = fixtureModels;
const media: Record<string, string> = fixtureMedia;

/** What each fixture model reads, written by hand from its schema and the API reference. */
const expectedTakes: Record<string, MediaKind[]> = {
  "flux-2-max": ["text"],
  "flux-2-pro": ["text"],
  "flux-kontext-pro": ["text", "image"], // the image is optional, but it can edit one
  "nano-banana-pro": ["text"],
  "gemini-imagen-4": ["text"],
  "seedream-v4-5": ["text"],
  "kling-text-to-image": ["text"],
  "veo-3": ["text"],
  "veo3-1-fast": ["text"],
  "kling-3-0": ["text"],
  "kling-2-1-image-to-video": ["text", "image"],
  "wan-v2-6-image-to-video": ["text", "image"],
  "wan-v2-6-text-to-video": ["text"],
  "pixverse-v4-1": ["text"],
  "sora-2-pro": ["text"],
  "flux-2-edit": ["text", "image"],
  "flux-fill-pro": ["text", "image"],
  "eachlabs-bg-remover-v1": ["image"],
  "topaz-upscale-image": ["image"],
  "kling-face-swap": ["image"],
  "elevenlabs-tts": ["text"], // `voice` is a voice id, not an audio file
  "mureka-generate-music": ["text"],
  "stable-audio-2-5": ["text"],
  "each-upscaler": ["text", "image"],
};

function model(slug: string, properties: Record<string, unknown>, extra = {}): UpstreamModel {
  return {
    title: slug,
    slug,
    version: "1.0.0",
    output_type: "string",
    request_schema: { type: "object", properties, ...extra },
  };
}

describe("inferModelKinds on the fixture catalog", () => {
  it("covers every fixture model with an expectation", () => {
    expect(Object.keys(expectedTakes).sort()).toEqual(models.map((m) => m.slug).sort());
    expect(Object.keys(media).sort()).toEqual(models.map((m) => m.slug).sort());
  });

  it.each(models.map((m) => [m.slug, m] as const))(
    "%s: makes what model-media.json says",
    (slug, m) => {
      expect(inferModelKinds(m).makes).toBe(media[slug]);
    },
  );

  it.each(models.map((m) => [m.slug, m] as const))(
    "%s: takes the inputs its schema reads",
    (slug, m) => {
      expect(inferModelKinds(m).takes).toEqual(expectedTakes[slug]);
    },
  );
});

describe("inferModelKinds on shapes the fixtures lack", () => {
  it.each<[string, UpstreamModel, MediaKind, MediaKind[]]>([
    [
      "an image-to-video slug without a prompt",
      model("acme-image-to-video", { start_image_url: { type: "string", format: "uri" } }),
      "video",
      ["image"],
    ],
    [
      "a video upscaler (video wins over the image task word)",
      model("topaz-video-upscale", { video: { type: "string" } }),
      "video",
      ["video"],
    ],
    [
      "a lip-sync model taking video and audio",
      model("sync-lipsync-2", { video_url: { type: "string" }, audio_url: { type: "string" } }),
      "video",
      ["video", "audio"],
    ],
    [
      "a speech-to-text model",
      model("whisper-large", { audio: { type: "string", format: "uri" } }),
      "text",
      ["audio"],
    ],
    [
      "an LLM reading messages",
      model("acme-llm-chat", { messages: { type: "array" }, temperature: { type: "number" } }),
      "text",
      ["text"],
    ],
    [
      "an image captioner",
      model("blip-image-captioning", { image_url: { type: "string" } }),
      "text",
      ["image"],
    ],
    [
      "short conversion slugs",
      model("wan-2-1-i2v", { image: { type: "string" }, prompt: { type: "string" } }),
      "video",
      ["text", "image"],
    ],
    [
      "img2img slugs",
      model("sdxl-img2img", {
        init_image: { type: "string", format: "uri" },
        prompt: { type: "string" },
      }),
      "image",
      ["text", "image"],
    ],
    [
      "a music model with an enum style and a reference track",
      model("acme-song-maker", {
        style: { type: "string", enum: ["pop"] },
        reference_audio_url: { type: "string" },
      }),
      "audio",
      ["audio"],
    ],
  ])("%s", (_name, m, makes, takes) => {
    expect(inferModelKinds(m)).toEqual({ makes, takes });
  });

  it("reads the schema description when the name says nothing", () => {
    const m = model(
      "kling-9-0",
      { prompt: { type: "string" } },
      { description: "Cinematic video with sound." },
    );
    expect(inferModelKinds(m).makes).toBe("video");
  });

  it("falls back to output settings, then to an input file's kind", () => {
    expect(
      inferModelKinds(model("acme-x", { prompt: { type: "string" }, voice_id: { type: "string" } }))
        .makes,
    ).toBe("audio");
    expect(
      inferModelKinds(model("acme-y", { input_video_url: { type: "string", format: "uri" } }))
        .makes,
    ).toBe("video");
  });

  it("trusts an output_type that names a medium", () => {
    expect(inferModelKinds({ ...model("acme-z", {}), output_type: "video/mp4" }).makes).toBe(
      "video",
    );
  });

  it("ignores settings that merely mention a medium, and LoRA links", () => {
    const m = model("flux-lora", {
      prompt: { type: "string" },
      image_size: { type: "string", enum: ["square"] },
      num_images: { type: "integer" },
      lora_url: { type: "string", format: "uri" },
      negative_prompt: { type: "string" },
    });
    expect(inferModelKinds(m)).toEqual({ makes: "image", takes: ["text"] });
  });

  it("survives a schema without properties", () => {
    const m = { ...model("mystery-model", {}), request_schema: {} };
    expect(inferModelKinds(m)).toEqual({ makes: "image", takes: ["text"] });
  });
});

describe("toCatalogModel", () => {
  it("takes the description from the request schema, trimmed, and the inferred kinds", () => {
    const m = model(
      "elevenlabs-tts",
      { text: { type: "string" } },
      { description: "  Natural speech.\n" },
    );
    expect(toCatalogModel({ ...m, title: "ElevenLabs TTS" })).toEqual({
      slug: "elevenlabs-tts",
      title: "ElevenLabs TTS",
      version: "1.0.0",
      description: "Natural speech.",
      outputType: "string",
      makes: "audio",
      takes: ["text"],
    });
  });

  it("gives a model without a description or title an empty description and its slug", () => {
    const converted = toCatalogModel({ ...model("each-upscaler", {}), title: " " });
    expect(converted.description).toBe("");
    expect(converted.title).toBe("each-upscaler");
  });
});
