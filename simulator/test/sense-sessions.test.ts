import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import {
  KEY,
  OTHER_KEY,
  download,
  pngSize,
  sleep,
  startTestSimulator,
  until,
  type TestSimulator,
} from "./helpers.js";
import {
  eventOf,
  lastPrediction,
  predictionCount,
  senseJson,
  senseStream,
  types,
  user,
} from "./sense-helpers.js";

describe("each::sense behaviors and sessions", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  const memory = async (session: string, key = KEY) =>
    sim.call(`/sense/memory?session_id=${encodeURIComponent(session)}`, { key });

  it("plan mode shows steps, time and cost and waits; 'yes' in the same session runs the plan", async () => {
    const planned = await senseStream(sim, {
      messages: user("Generate an image of a mountain cabin"),
      behavior: "plan",
      session_id: "plan-1",
    });
    expect(types(planned)).not.toContain("generation_response");
    const plan = eventOf(planned, "message").content as string;
    expect(plan).toMatch(/^Plan:\n1\. Use flux-2-max to create the image: "A mountain cabin"/);
    expect(plan).toMatch(/Estimated time: ~\d+ seconds/);
    expect(plan).toContain("Estimated cost: $0.07");
    expect(eventOf(planned, "clarification_needed")).toMatchObject({
      question: "Here's my plan. Should I proceed?",
      options: ["Yes, execute this plan", "No, I want to modify it"],
      context: plan,
    });
    expect(eventOf(planned, "complete")).toMatchObject({
      status: "awaiting_approval",
      generations: [],
      plan: { model: "flux-2-max", estimated_cost_usd: 0.07 },
    });
    expect(await predictionCount(sim)).toBe(0);

    const approved = await senseStream(sim, {
      messages: user("yes"),
      behavior: "plan",
      session_id: "plan-1",
    });
    expect(eventOf(approved, "message").content).toBe("Plan approved. Running it now.");
    expect(eventOf(approved, "generation_response").model).toBe("flux-2-max");
    expect(eventOf(approved, "complete").status).toBe("ok");
    expect(await lastPrediction(sim)).toMatchObject({ input: { prompt: "A mountain cabin" } });
  });

  it("plan mode revises the plan when the answer asks for a change, and 'go ahead' runs the revision", async () => {
    await senseJson(sim, {
      messages: user("Generate an image of a mountain cabin"),
      behavior: "plan",
      session_id: "plan-2",
    });
    const revised = await senseJson(sim, {
      messages: user("make it 16:9 and in eco mode"),
      behavior: "plan",
      session_id: "plan-2",
      mode: "eco",
    });
    expect(revised.body).toMatchObject({
      status: "awaiting_approval",
      plan: { model: "flux-2-pro" },
      generations: [],
    });
    expect((revised.body.plan as { steps: string[] }).steps.join(" ")).toContain(
      "aspect_ratio 16:9",
    );
    const bare = await senseJson(sim, {
      messages: user("no"),
      behavior: "plan",
      session_id: "plan-2",
    });
    expect(bare.body).toMatchObject({ generations: [] });
    expect((bare.body.choices as { message: { content: string } }[])[0]?.message.content).toContain(
      "What would you like to change?",
    );
    const run = await senseJson(sim, {
      messages: user("go ahead"),
      behavior: "plan",
      session_id: "plan-2",
      mode: "eco",
    });
    expect((run.body.generations as string[]).length).toBe(1);
    expect(await lastPrediction(sim)).toMatchObject({
      model: "flux-2-pro",
      input: { aspect_ratio: "16:9" },
    });
  });

  it("ask mode asks first (image or video?), and answering with an option number continues", async () => {
    const asked = await senseStream(sim, {
      messages: user("Generate a sunset"),
      behavior: "ask",
      session_id: "ask-1",
    });
    expect(types(asked)).toEqual([
      "thinking_delta",
      "thinking_delta",
      "clarification_needed",
      "complete",
    ]);
    expect(
      asked.events
        .filter((event) => event.type === "thinking_delta")
        .map((event) => event.content)
        .join(""),
    ).toBe("Which format does the user want?");
    expect(eventOf(asked, "clarification_needed")).toMatchObject({
      question: "Should this be an image or a short video?",
      options: ["Image (16:9)", "5-second video"],
      context: "A sunset could be either.",
    });
    expect(eventOf(asked, "complete")).toMatchObject({
      status: "clarification_needed",
      generations: [],
      session_id: "ask-1",
    });
    expect(await predictionCount(sim)).toBe(0);

    const answered = await senseStream(sim, {
      messages: user("1"),
      behavior: "ask",
      session_id: "ask-1",
    });
    expect(types(answered)).not.toContain("clarification_needed");
    const url = eventOf(answered, "generation_response").url as string;
    expect(await lastPrediction(sim)).toMatchObject({
      model: "flux-2-max",
      input: { prompt: "A sunset", aspect_ratio: "16:9" },
    });
    expect(pngSize((await download(url)).data)).toEqual({ width: 768, height: 432 });
  });

  it("ask mode asks about style for an explicit image, and an answer naming the option works too", async () => {
    const asked = await senseJson(sim, {
      messages: user("Generate an image of a lion"),
      behavior: "ask",
      session_id: "ask-2",
    });
    expect(asked.body).toMatchObject({
      clarification_needed: true,
      question: "What style would you like for your image?",
      options: ["Photorealistic", "Cinematic", "Illustration", "Anime"],
    });
    expect(
      (asked.body.choices as { message: { content: string } }[])[0]?.message.content,
    ).toContain("4. Anime");
    await senseJson(sim, { messages: user("anime"), behavior: "ask", session_id: "ask-2" });
    expect(await lastPrediction(sim)).toMatchObject({ input: { prompt: "A lion, anime style" } });
  });

  it("asks what to make for a vague request even in agent mode, then continues with the picked option", async () => {
    const vague = await senseStream(sim, {
      messages: user("make something cool"),
      session_id: "vague",
    });
    expect(eventOf(vague, "clarification_needed")).toMatchObject({
      question: "What would you like me to create?",
      options: [
        "A surreal landscape image",
        "A 5-second cinematic video",
        "A lo-fi music loop",
        "A short voiceover",
      ],
    });
    const picked = await senseStream(sim, { messages: user("Option 1"), session_id: "vague" });
    expect(eventOf(picked, "generation_response").model).toBe("flux-2-max");
    expect(await lastPrediction(sim)).toMatchObject({
      input: { prompt: "A surreal landscape image" },
    });
  });

  it("'make it wider' reuses the previous prompt, model and seed with a wider aspect ratio", async () => {
    await senseJson(sim, {
      messages: user("Generate an image of a red fox in the snow"),
      session_id: "fox",
      mode: "eco",
    });
    const first = await lastPrediction(sim);
    expect(first).toMatchObject({
      model: "flux-2-pro",
      input: { prompt: "A red fox in the snow" },
    });
    const firstSeed = (
      (await (await sim.call("/__simulator/predictions", { key: null })).json()) as {
        predictions: { seed: number }[];
      }
    ).predictions[0]?.seed;

    const wider = await senseStream(sim, { messages: user("make it wider"), session_id: "fox" });
    const url = eventOf(wider, "generation_response").url as string;
    expect(eventOf(wider, "generation_response").model).toBe("flux-2-pro");
    const listing = (await (await sim.call("/__simulator/predictions", { key: null })).json()) as {
      predictions: { model: string; input: Record<string, unknown>; seed: number }[];
    };
    expect(listing.predictions[0]).toMatchObject({
      model: "flux-2-pro",
      input: { prompt: "A red fox in the snow", aspect_ratio: "4:3", seed: firstSeed },
    });
    expect(pngSize((await download(url)).data)).toEqual({ width: 768, height: 576 });
    expect(eventsText(wider)).toBe("Here is a wider version (4:3) of your red fox in the snow.");

    await senseJson(sim, { messages: user("again but in watercolor"), session_id: "fox" });
    expect(await lastPrediction(sim)).toMatchObject({
      model: "flux-2-pro",
      input: { prompt: "A red fox in the snow, in watercolor", aspect_ratio: "4:3" },
    });

    await senseJson(sim, { messages: user("now remove the background"), session_id: "fox" });
    expect(await lastPrediction(sim)).toMatchObject({
      model: "eachlabs-bg-remover-v1",
      input: { image_url: expect.stringMatching(/\/media\/[0-9a-f]+\.png$/) },
    });
  });

  it("a follow-up without anything earlier in the session asks what to create", async () => {
    const stream = await senseStream(sim, { messages: user("make it wider"), session_id: "empty" });
    expect(eventOf(stream, "clarification_needed").question).toBe(
      "There's nothing earlier in this session to change. What should I create?",
    );
    expect(await predictionCount(sim)).toBe(0);
  });

  it("keeps memory per API key + session_id: GET /memory, GET /sessions, DELETE /memory", async () => {
    await senseJson(sim, {
      messages: user("Generate an image of a bicycle"),
      session_id: "shared-id",
    });
    await senseJson(sim, { messages: user("hello"), session_id: "shared-id" }, { key: OTHER_KEY });
    await senseJson(sim, { messages: user("hello"), session_id: "second" });

    const mine = (await (await memory("shared-id")).json()) as Record<string, unknown>;
    expect(mine).toMatchObject({
      session_id: "shared-id",
      total_exchanges: 1,
      message_count: 2,
      status: "active",
      conversation_history: [
        {
          user_prompt: "Generate an image of a bicycle",
          chatbot_response: "Here is your bicycle.",
          generated_media_urls: [expect.stringMatching(/\/media\//)],
          model_used: "flux-2-max",
        },
      ],
    });
    expect(mine.generated_media_urls).toEqual(
      (mine.conversation_history as { generated_media_urls: string[] }[])[0]?.generated_media_urls,
    );
    const theirs = (await (await memory("shared-id", OTHER_KEY)).json()) as {
      conversation_history: { user_prompt: string }[];
    };
    expect(theirs.conversation_history.map((entry) => entry.user_prompt)).toEqual(["hello"]);

    const sessions = (await (await sim.call("/sense/sessions")).json()) as {
      sessions: { session_id: string; message_count: number; last_activity: string }[];
      total_sessions: number;
    };
    expect(sessions.sessions.map((session) => session.session_id).sort()).toEqual([
      "second",
      "shared-id",
    ]);
    expect(sessions.total_sessions).toBe(2);
    const otherSessions = (await (
      await sim.call("/sense/sessions", { key: OTHER_KEY })
    ).json()) as { sessions: { session_id: string }[] };
    expect(otherSessions.sessions.map((session) => session.session_id)).toEqual(["shared-id"]);

    const cleared = await sim.call("/sense/memory?session_id=shared-id", { method: "DELETE" });
    expect(await cleared.json()).toEqual({
      cleared: true,
      session_id: "shared-id",
      messages_deleted: 2,
    });
    const gone = await memory("shared-id");
    expect(gone.status).toBe(404);
    expect(await gone.json()).toEqual({
      error: "Session not found",
      error_code: "SESSION_NOT_FOUND",
    });
    expect((await memory("shared-id", OTHER_KEY)).status).toBe(200);
    expect((await memory("never-used")).status).toBe(404);
  });

  it("caps memory at the last 50 messages (25 exchanges)", async () => {
    for (let index = 0; index < 27; index += 1)
      await senseJson(sim, { messages: user(`hello number ${index}`), session_id: "chatty" });
    const body = (await (await memory("chatty")).json()) as {
      conversation_history: { user_prompt: string }[];
      total_exchanges: number;
      message_count: number;
      memory_limit: number;
    };
    expect(body.total_exchanges).toBe(25);
    expect(body.message_count).toBe(50);
    expect(body.memory_limit).toBe(50);
    expect(body.conversation_history[0]?.user_prompt).toBe("hello number 2");
    expect(body.conversation_history.at(-1)?.user_prompt).toBe("hello number 26");
  });

  it("an idle session goes inactive and forgets its pending question; past the TTL it is gone", async () => {
    expect((await sim.control({ sense: { idleTimeoutMs: 60 } })).status).toBe(200);
    await senseJson(sim, {
      messages: user("Generate a sunset"),
      behavior: "ask",
      session_id: "sleepy",
    });
    await sleep(100);
    const listed = (await (await sim.call("/sense/sessions")).json()) as {
      sessions: { session_id: string; status: string }[];
    };
    expect(listed.sessions).toEqual([
      expect.objectContaining({ session_id: "sleepy", status: "inactive" }),
    ]);
    const late = await senseStream(sim, { messages: user("1"), session_id: "sleepy" });
    expect(types(late)).not.toContain("generation_response");
    expect(await predictionCount(sim)).toBe(0);
    expect(
      ((await (await memory("sleepy")).json()) as { total_exchanges: number }).total_exchanges,
    ).toBe(2);

    expect((await sim.control({ sense: { ttl_ms: 60, idleTimeoutMs: null } })).status).toBe(200);
    await sleep(100);
    expect((await memory("sleepy")).status).toBe(404);
    expect(
      ((await (await sim.call("/sense/sessions")).json()) as { sessions: unknown[] }).sessions,
    ).toEqual([]);
  });

  it("takes the session id from X-Session-Id and refuses a second request while the session is busy", async () => {
    const slow = senseStream(
      sim,
      { messages: user("hello [[sense-stall:400]]") },
      { headers: { "X-Session-Id": "busy" } },
    );
    await until(async () => {
      const listed = (await (await sim.call("/sense/sessions")).json()) as { sessions: unknown[] };
      return listed.sessions.length > 0 ? true : undefined;
    });
    const second = await senseStream(sim, { messages: user("hello"), session_id: "busy" });
    expect(eventOf(second, "error")).toMatchObject({ error_code: "SESSION_BUSY" });
    expect(second.done).toBe(true);
    const first = await slow;
    expect(eventOf(first, "complete").session_id).toBe("busy");
  });
});

function eventsText(stream: Awaited<ReturnType<typeof senseStream>>): string {
  return stream.events
    .filter((event) => event.type === "text_response")
    .map((event) => event.content)
    .join("");
}
