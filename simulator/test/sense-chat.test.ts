import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { download, pngSize, startTestSimulator, type TestSimulator } from "./helpers.js";
import {
  eventOf,
  eventsOf,
  lastPrediction,
  senseJson,
  senseStream,
  types,
  user,
} from "./sense-helpers.js";

describe("each::sense chat completions", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("streams the documented image flow as chat.completion.chunks, ends with [DONE], and the URL serves a real PNG", async () => {
    const stream = await senseStream(sim, {
      messages: user("Generate a cinematic sunset landscape in 16:9"),
      session_id: "my-session",
    });
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
    expect(stream.response.headers.get("cache-control")).toBe("no-cache");
    expect(stream.done).toBe(true);
    expect(stream.datas.at(-1)).toBe("[DONE]");
    expect(stream.raw.endsWith("data: [DONE]\n\n")).toBe(true);

    // thinking_delta → status(search_models) → status → ... → text_response → generation_response → complete
    const order = types(stream);
    expect(order[0]).toBe("thinking_delta");
    expect(eventsOf(stream, "thinking_delta").length).toBeGreaterThan(1);
    expect(order.at(-1)).toBe("complete");
    const statuses = eventsOf(stream, "status").map((event) => event.tool_name);
    expect(statuses).toEqual(["search_models", "get_model_details", "execute_model"]);
    expect(eventOf(stream, "status").parameters).toEqual({
      query: expect.stringContaining("sunset"),
    });
    const execute = eventsOf(stream, "status")[2];
    expect(execute?.parameters).toEqual({
      model: "flux-2-max",
      input: { prompt: "A cinematic sunset landscape", aspect_ratio: "16:9" },
    });
    expect(eventOf(stream, "tool_call")).toMatchObject({
      name: "execute_model",
      input: { model_name: "flux-2-max" },
    });
    expect(eventsOf(stream, "progress").length).toBeGreaterThan(0);
    for (const progress of eventsOf(stream, "progress"))
      expect(typeof progress.percent).toBe("number");
    expect(order.indexOf("text_response")).toBeLessThan(order.indexOf("generation_response"));
    expect(order.lastIndexOf("progress")).toBeLessThan(order.indexOf("text_response"));

    // Chunk envelope exactly as in fixtures/sense-image-stream.sse.
    const ids = new Set(stream.chunks.map((chunk) => chunk.id));
    expect(ids.size).toBe(1);
    for (const chunk of stream.chunks) {
      expect(Object.keys(chunk)).toEqual([
        "id",
        "object",
        "created",
        "model",
        "choices",
        "eachlabs",
      ]);
      expect(chunk.id).toMatch(/^chatcmpl-/);
      expect(chunk.object).toBe("chat.completion.chunk");
      expect(chunk.model).toBe("eachsense/beta");
      expect(Number.isInteger(chunk.created)).toBe(true);
      expect(chunk.choices).toHaveLength(1);
      expect(chunk.choices[0]).toMatchObject({ index: 0, finish_reason: null });
      const expected = chunk.eachlabs.type === "text_response" ? chunk.eachlabs.content : "";
      expect(chunk.choices[0]?.delta).toEqual({ content: expected });
    }
    const text = eventsOf(stream, "text_response")
      .map((event) => event.content)
      .join("");
    expect(text).toBe("Here is your cinematic sunset landscape.");
    expect(eventsOf(stream, "text_response").length).toBeGreaterThan(1);

    const generation = eventOf(stream, "generation_response");
    expect(generation).toMatchObject({ model: "flux-2-max", total: 1, tool_name: "execute_model" });
    expect(generation.execution_time_ms).toBeGreaterThan(1000);
    const url = generation.url as string;
    expect(generation.generations).toEqual([url]);
    const complete = eventOf(stream, "complete");
    expect(complete).toMatchObject({ status: "ok", generations: [url], session_id: "my-session" });
    expect(complete.task_id).toMatch(/^task-/);
    expect(Object.keys(complete).slice(0, 5)).toEqual([
      "type",
      "status",
      "generations",
      "task_id",
      "session_id",
    ]);

    const { response, data } = await download(url);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(data.subarray(0, 8)).toEqual(
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    );
    expect(pngSize(data)).toEqual({ width: 768, height: 432 });
  });

  it("writes chunks the way the recorded stream does (Python-style JSON), flushed one event at a time", async () => {
    const stream = await senseStream(sim, { messages: user("hello") });
    expect(stream.raw.startsWith('data: {"id": "chatcmpl-')).toBe(true);
    expect(stream.raw).toContain('"object": "chat.completion.chunk"');
    expect(new Set(stream.times).size).toBeGreaterThan(1);
  });

  it("answers stream:false with the chat.completion shape, a generated session_id and the media URLs", async () => {
    const { status, body } = await senseJson(sim, {
      messages: [
        { role: "system", content: "You are helpful." },
        { role: "user", content: "Generate a photo of a lighthouse at dawn" },
      ],
      max_tokens: 10,
      temperature: 0.2,
    });
    expect(status).toBe(200);
    expect(body).toMatchObject({
      object: "chat.completion",
      model: "eachsense/beta",
      choices: [
        {
          index: 0,
          message: { role: "assistant", content: "Here is your lighthouse at dawn." },
          finish_reason: "stop",
        },
      ],
    });
    expect(body.id).toMatch(/^chatcmpl-/);
    expect(typeof body.created).toBe("number");
    expect(body.usage).toEqual({
      prompt_tokens: expect.any(Number),
      completion_tokens: expect.any(Number),
      total_tokens: expect.any(Number),
    });
    expect(body.task_id).toMatch(/^task-/);
    expect(body.session_id).toMatch(/^sess_[0-9a-f]{16}$/);
    const generations = body.generations as string[];
    expect(generations).toHaveLength(1);
    expect((await download(generations[0] ?? "")).response.status).toBe(200);
    expect(body).not.toHaveProperty("workflow_id");
  });

  it("picks premium models in max mode and fast ones in eco mode", async () => {
    const max = await senseStream(sim, {
      messages: user("Generate an image of a koi pond"),
      mode: "max",
    });
    const eco = await senseStream(sim, {
      messages: user("Generate an image of a koi pond"),
      mode: "eco",
    });
    expect(eventOf(max, "generation_response").model).toBe("flux-2-max");
    expect(eventOf(eco, "generation_response").model).toBe("flux-2-pro");
    const ecoVideo = await senseStream(sim, {
      messages: user("Create a 10 second video of a hummingbird"),
      mode: "eco",
    });
    expect(eventOf(ecoVideo, "generation_response").model).toBe("veo3-1-fast");
    expect(eventOf(ecoVideo, "message").content).toContain("10-second video");
    expect(await lastPrediction(sim)).toMatchObject({
      model: "veo3-1-fast",
      input: { prompt: "A hummingbird", duration: 10 },
    });
  });

  it("generates video in max mode with veo-3 and the MP4 is served", async () => {
    const stream = await senseStream(sim, {
      messages: user("Make a vertical video of rain on a window"),
    });
    const generation = eventOf(stream, "generation_response");
    expect(generation.model).toBe("veo-3");
    expect(await lastPrediction(sim)).toMatchObject({ input: { aspect_ratio: "9:16" } });
    const { response, data } = await download(generation.url as string);
    expect(response.headers.get("content-type")).toBe("video/mp4");
    expect(data.subarray(4, 8).toString("latin1")).toBe("ftyp");
  });

  it("reads speech, music and sound requests, with eco picking cheaper audio models", async () => {
    const speech = await senseStream(sim, {
      messages: user('Create a voiceover saying "Welcome to the show"'),
      mode: "eco",
    });
    expect(eventOf(speech, "generation_response").model).toBe("elevenlabs-tts");
    expect(await lastPrediction(sim)).toMatchObject({
      input: { text: "Welcome to the show", voice: "rachel", model_id: "eleven_flash_v2_5" },
    });
    const wav = await download(eventOf(speech, "generation_response").url as string);
    expect(wav.data.subarray(0, 4).toString("latin1")).toBe("RIFF");

    const song = await senseStream(sim, {
      messages: user("Compose an upbeat song with vocals about summer"),
    });
    expect(eventOf(song, "generation_response").model).toBe("mureka-generate-music");
    expect((await lastPrediction(sim)).input.lyrics).toEqual(expect.stringContaining("summer"));
    const loop = await senseStream(sim, {
      messages: user("Make some lo-fi music for studying"),
      mode: "eco",
    });
    expect(eventOf(loop, "generation_response").model).toBe("stable-audio-2-5");
    const sfx = await senseStream(sim, {
      messages: user("Generate a sound effect of thunder, 5 seconds"),
    });
    expect(eventOf(sfx, "generation_response").model).toBe("stable-audio-2-5");
    expect((await lastPrediction(sim)).input).toMatchObject({ duration: 5 });
  });

  it("edits an image sent in image_urls with flux-2-edit, and routes background removal and upscaling", async () => {
    const source = await senseJson(sim, { messages: user("Generate an image of a city street") });
    const image = (source.body.generations as string[])[0] ?? "";

    const edit = await senseStream(sim, {
      messages: user("Change the sky to a purple sunset"),
      image_urls: [image],
    });
    expect(eventsOf(edit, "status").map((event) => event.tool_name)).toContain(
      "vision_preprocessor",
    );
    expect(eventOf(edit, "generation_response").model).toBe("flux-2-edit");
    expect(await lastPrediction(sim)).toMatchObject({
      model: "flux-2-edit",
      input: { image_url: image, prompt: "Change the sky to a purple sunset" },
    });

    const cutout = await senseStream(sim, {
      messages: user("remove the background"),
      image_urls: [image],
    });
    expect(eventOf(cutout, "generation_response").model).toBe("eachlabs-bg-remover-v1");
    expect(await lastPrediction(sim)).toMatchObject({ input: { image_url: image } });

    const bigger = await senseStream(sim, {
      messages: user("upscale this 4x please"),
      image_urls: [image],
    });
    expect(eventOf(bigger, "generation_response").model).toBe("topaz-upscale-image");
    expect(await lastPrediction(sim)).toMatchObject({ input: { image_url: image, scale: 4 } });
  });

  it("animates an image into video with kling-2-1-image-to-video (OpenAI image_url content parts count as images)", async () => {
    const source = await senseJson(sim, { messages: user("Generate an image of a paper boat") });
    const image = (source.body.generations as string[])[0] ?? "";
    const stream = await senseStream(sim, {
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Animate this, gentle waves" },
            { type: "image_url", image_url: { url: image } },
          ],
        },
      ],
    });
    expect(eventOf(stream, "generation_response").model).toBe("kling-2-1-image-to-video");
    expect(await lastPrediction(sim)).toMatchObject({
      input: { image_url: image, prompt: "Gentle waves" },
    });
  });

  it("refuses more than 4 images: an error event, then [DONE]; 400 without streaming", async () => {
    const images = Array.from({ length: 5 }, (_, index) => `https://example.com/${index}.png`);
    const stream = await senseStream(sim, { messages: user("edit these"), image_urls: images });
    expect(stream.response.status).toBe(200);
    expect(types(stream)).toEqual(["error"]);
    expect(eventOf(stream, "error")).toMatchObject({
      message: "Maximum 4 images allowed per request",
      error_code: "INVALID_REQUEST",
    });
    expect(stream.datas.at(-1)).toBe("[DONE]");

    const plain = await senseJson(sim, { messages: user("edit these"), image_urls: images });
    expect(plain.status).toBe(400);
    expect(plain.body).toEqual({
      error: "Maximum 4 images allowed per request",
      error_code: "INVALID_REQUEST",
    });
  });

  it("searches the web for facts and trends, citing example.com-style sources; web_search:false skips it", async () => {
    const stream = await senseStream(sim, {
      messages: user("What are the latest trends in AI video?"),
    });
    const query = eventOf(stream, "web_search_query");
    expect(query.query).toMatch(/latest trends in AI video \d{4}/);
    expect(query.recency).toBe("month");
    const citations = eventOf(stream, "web_search_citations");
    expect(citations.count).toBe(3);
    for (const citation of citations.citations as {
      title: string;
      url: string;
      snippet: string;
    }[]) {
      expect(citation.title).not.toBe("");
      expect(citation.url).toMatch(/^https:\/\/(?:[a-z]+\.)?example\.(?:com|org|net)\//);
      expect(citation.snippet.length).toBeGreaterThan(20);
    }
    expect(types(stream).indexOf("web_search_citations")).toBeLessThan(
      types(stream).indexOf("text_response"),
    );
    expect(eventOf(stream, "complete")).toMatchObject({ status: "ok", generations: [] });

    const offline = await senseStream(sim, {
      messages: user("What are the latest trends in AI video?"),
      web_search: false,
    });
    expect(types(offline)).not.toContain("web_search_query");

    const trendy = await senseStream(sim, {
      messages: user("Generate a poster in the style of the latest design trends"),
    });
    expect(types(trendy)).toContain("web_search_citations");
    expect(types(trendy)).toContain("generation_response");
  });

  it("fails with CONTENT_FILTER when the safety checker is on, and picks an NSFW-capable model when it is off", async () => {
    const filtered = await senseStream(sim, {
      messages: user("Generate a nsfw photo of a statue"),
    });
    expect(types(filtered)).toContain("status");
    expect(types(filtered).at(-1)).toBe("error");
    expect(eventOf(filtered, "error")).toMatchObject({
      error_code: "CONTENT_FILTER",
      message: "Content was filtered by safety system",
    });
    expect(filtered.datas.at(-1)).toBe("[DONE]");

    const allowed = await senseStream(sim, {
      messages: user("Generate a nsfw photo of a statue"),
      enable_safety_checker: false,
    });
    expect(eventOf(allowed, "generation_response").model).toBe("seedream-v4-5");
    expect(await lastPrediction(sim)).toMatchObject({ input: { enable_safety_checker: false } });
  });

  it("reports a failed model run ([[fail]] marker) as an EXECUTION_FAILED error event", async () => {
    const stream = await senseStream(sim, {
      messages: user("Generate an image of a robot [[fail:GPU on fire]]"),
    });
    expect(eventOf(stream, "error")).toMatchObject({
      error_code: "EXECUTION_FAILED",
      details: { model: "flux-2-max", description: "GPU on fire" },
    });
    const plain = await senseJson(sim, { messages: user("Generate an image of a robot [[fail]]") });
    expect(plain.status).toBe(500);
    expect(plain.body).toMatchObject({ error_code: "EXECUTION_FAILED" });
  });

  it("answers greetings and questions with text only", async () => {
    const stream = await senseStream(sim, { messages: user("hello there") });
    expect(types(stream)).toEqual(
      expect.arrayContaining(["thinking_delta", "text_response", "complete"]),
    );
    expect(types(stream)).not.toContain("generation_response");
    expect(eventOf(stream, "complete")).toMatchObject({ status: "ok", generations: [] });
  });

  it("serves the legacy /chat endpoint with flat {type,...} events and its own non-streaming shape", async () => {
    const stream = await senseStream(
      sim,
      { message: "Generate an image of a teapot", session_id: "legacy" },
      { path: "/sense/chat" },
    );
    expect(stream.raw.startsWith('data: {"type": "thinking_delta"')).toBe(true);
    expect(eventOf(stream, "generation_response").model).toBe("flux-2-max");
    expect(stream.done).toBe(true);

    const plain = await senseJson(
      sim,
      { message: "Generate an image of a teapot" },
      { path: "/sense/chat" },
    );
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      status: "ok",
      model: "flux-2-max",
      text_response: "Here is your teapot.",
      tool_calls: expect.arrayContaining([{ name: "execute_model", success: true }]),
    });
    expect((plain.body.generations as string[]).length).toBe(1);
    const ask = await senseJson(sim, { message: "make something cool" }, { path: "/sense/chat" });
    expect(ask.body).toMatchObject({
      success: true,
      clarification_needed: true,
      question: "What would you like me to create?",
    });
  });
});
