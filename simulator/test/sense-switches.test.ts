import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { parseCliArgs } from "../src/cli-args.js";
import { SIMULATOR_DIR } from "../src/options.js";
import { startTestSimulator, type TestSimulator } from "./helpers.js";
import { eventOf, predictionCount, senseJson, senseStream, types, user } from "./sense-helpers.js";

const IMAGE_FIXTURE = path.join(SIMULATOR_DIR, "fixtures", "sense-image-stream.sse");
const CLARIFICATION_FIXTURE = path.join(
  SIMULATOR_DIR,
  "fixtures",
  "sense-clarification-stream.sse",
);

describe("each::sense misbehaviour switches", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterEach(async () => {
    await sim.call("/__simulator/reset", { method: "POST", key: null });
  });
  afterAll(() => sim.close());

  it("[[sense-drop]] closes the connection after 3 events, with no [DONE]", async () => {
    const stream = await senseStream(sim, { messages: user("hello [[sense-drop]]") });
    expect(stream.broken).toBe(true);
    expect(stream.done).toBe(false);
    expect(stream.events).toHaveLength(3);
    const later = await senseStream(sim, { messages: user("hello [[sense-drop:5]]") });
    expect(later.events).toHaveLength(5);
  });

  it("the control switch sense.dropAfterEvents drops every stream until cleared (snake_case alias accepted)", async () => {
    expect((await sim.control({ sense: { drop_after_events: 2 } })).status).toBe(200);
    const dropped = await senseStream(sim, { messages: user("Generate an image of a kettle") });
    expect(dropped.events).toHaveLength(2);
    expect(dropped.done).toBe(false);
    const config = (await (await sim.call("/__simulator/config", { key: null })).json()) as {
      sense: Record<string, unknown>;
    };
    expect(config.sense).toMatchObject({ dropAfterEvents: 2 });
    await sim.control({ sense: { dropAfterEvents: null } });
    expect((await senseStream(sim, { messages: user("hello") })).done).toBe(true);
  });

  it("[[sense-malformed]] sends one truncated chunk, then the stream goes on to [DONE]", async () => {
    const stream = await senseStream(sim, { messages: user("hello [[sense-malformed]]") });
    const broken = stream.datas.filter((data) => {
      if (data === "[DONE]") return false;
      try {
        JSON.parse(data);
        return false;
      } catch {
        return true;
      }
    });
    expect(broken).toHaveLength(1);
    expect(stream.datas.indexOf(broken[0] ?? "")).toBe(2);
    expect(stream.done).toBe(true);
    expect(types(stream).at(-1)).toBe("complete");
    await sim.control({ sense: { malformedAfterEvents: 0 } });
    const first = await senseStream(sim, { messages: user("hello") });
    expect(() => JSON.parse(first.datas[0] ?? "")).toThrow();
  });

  it("[[sense-stall:MS]] goes silent mid-stream, so a client's idle timeout fires; the stream resumes after", async () => {
    const stalled = await senseStream(sim, { messages: user("hello [[sense-stall:300]]") });
    expect(stalled.done).toBe(true);
    const gap = (stalled.times[2] ?? 0) - (stalled.times[1] ?? 0);
    expect(gap).toBeGreaterThanOrEqual(280);

    const controller = new AbortController();
    let idle: NodeJS.Timeout | undefined;
    const arm = () => {
      clearTimeout(idle);
      idle = setTimeout(() => controller.abort(), 100);
    };
    arm();
    const response = await sim.call("/sense/v1/chat/completions", {
      method: "POST",
      json: { messages: user("hello [[sense-stall:2000]]") },
      signal: controller.signal,
    });
    const reader = response.body?.getReader();
    let aborted = false;
    try {
      for (;;) {
        const chunk = await reader?.read();
        if (chunk === undefined || chunk.done) break;
        arm();
      }
    } catch {
      aborted = true;
    }
    clearTimeout(idle);
    expect(aborted).toBe(true);
  });

  it("[[sense-error:TIMEOUT]] ends the stream with an error event, then [DONE]; sense.errorCode does it for every stream", async () => {
    const stream = await senseStream(sim, {
      messages: user("Generate an image of a clock [[sense-error:TIMEOUT]]"),
    });
    expect(stream.events).toHaveLength(3);
    expect(stream.events.at(-1)).toMatchObject({ type: "error", error_code: "TIMEOUT" });
    expect(stream.datas.at(-1)).toBe("[DONE]");
    expect(await predictionCount(sim)).toBe(0);

    await sim.control({ sense: { errorCode: "INSUFFICIENT_BALANCE", errorAfterEvents: 0 } });
    const configured = await senseStream(sim, { messages: user("hello") });
    expect(types(configured)).toEqual(["error"]);
    expect(eventOf(configured, "error")).toMatchObject({
      error_code: "INSUFFICIENT_BALANCE",
      details: { top_up_url: expect.any(String) },
    });
    const plain = await senseJson(sim, { messages: user("hello") });
    expect(plain.status).toBe(402);
    expect(plain.body).toMatchObject({ error_code: "INSUFFICIENT_BALANCE" });
  });

  it("queued control rules aimed at /sense answer 401 and 429 with sense bodies; untargeted rules stay for each::api", async () => {
    await sim.control({ next: { status: 429 } });
    expect((await senseJson(sim, { messages: user("hello") })).status).toBe(200);
    expect((await sim.call("/v1/webhooks")).status).toBe(429);

    await sim.control({
      next: [
        { status: 401, path: "/sense" },
        { status: 429, path: "/sense/v1/chat/completions", retryAfter: 3 },
      ],
    });
    const refused = await senseJson(sim, { messages: user("hello") });
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: "Invalid or missing API key" });
    const limited = await senseJson(sim, { messages: user("hello") });
    expect(limited.status).toBe(429);
    expect(limited.body).toEqual({
      error: "Rate limit exceeded.",
      error_code: "RATE_LIMITED",
      retry_after: 3,
    });
    expect(limited.response.headers.get("retry-after")).toBe("3");
    expect(limited.response.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await senseJson(sim, { messages: user("hello") })).status).toBe(200);
  });

  it("X-Simulator-Fail on sense paths uses sense bodies (401, 429, slow, malformed)", async () => {
    const refused = await senseJson(
      sim,
      { messages: user("hello") },
      { headers: { "X-Simulator-Fail": "401" } },
    );
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual({ error: "Invalid or missing API key" });
    const limited = await sim.call("/sense/sessions", { headers: { "X-Simulator-Fail": "429:7" } });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ error_code: "RATE_LIMITED", retry_after: 7 });
    const started = Date.now();
    expect(
      (await sim.call("/sense/sessions", { headers: { "X-Simulator-Fail": "slow:120" } })).status,
    ).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    const malformed = await sim.call("/sense/v1/chat/completions", {
      method: "POST",
      json: { messages: user("hello"), stream: false },
      headers: { "X-Simulator-Fail": "malformed" },
    });
    expect(malformed.status).toBe(200);
    await expect(malformed.json()).rejects.toThrow();
  });

  it("counts sense requests against the per-minute limit, answering 429 RATE_LIMITED with X-RateLimit headers", async () => {
    await sim.control({ rateLimit: 1 });
    const first = await senseJson(sim, { messages: user("hello") });
    expect(first.response.headers.get("x-ratelimit-limit")).toBe("1");
    const second = await senseJson(sim, { messages: user("hello") });
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({
      error: "Rate limit exceeded.",
      error_code: "RATE_LIMITED",
    });
    expect(Number(second.response.headers.get("retry-after"))).toBeGreaterThan(0);
  });

  it("reports a refused model run as RATE_LIMITED (concurrency) or INSUFFICIENT_BALANCE (official dialect, low balance)", async () => {
    await sim.control({ concurrency: 0 });
    const limited = await senseStream(sim, { messages: user("Generate an image of a bridge") });
    expect(eventOf(limited, "error")).toMatchObject({
      error_code: "RATE_LIMITED",
      retry_after: expect.any(Number),
    });
    expect(limited.done).toBe(true);

    await sim.control({ concurrency: 1000, dialect: "official", balance: 0.01 });
    const broke = await senseStream(sim, { messages: user("Generate an image of a bridge") });
    expect(eventOf(broke, "error")).toMatchObject({
      error_code: "INSUFFICIENT_BALANCE",
      message: "Generation failed: Insufficient balance",
      details: { current_balance: 0.01, required_estimate: 0.07 },
    });
    const plain = await senseJson(sim, { messages: user("Generate an image of a bridge") });
    expect(plain.status).toBe(402);
    expect(plain.body).toMatchObject({
      detail: "Generation failed: Insufficient balance",
      error_code: "INSUFFICIENT_BALANCE",
    });
  });

  it("paces events slower with sense.paceFactor and with [[sense-slow]] / [[sense-slow:N]]", async () => {
    const timed = async (message: string): Promise<number> => {
      const started = Date.now();
      await senseStream(sim, { messages: user(message) });
      return Date.now() - started;
    };
    // "hello" is ~870 ms of nominal pauses: 8.7 ms at time factor 0.01.
    await sim.control({ sense: { paceFactor: 100 } });
    expect(await timed("hello")).toBeGreaterThanOrEqual(700);
    await sim.control({ sense: { paceFactor: 1 } });
    expect(await timed("hello [[sense-slow]]")).toBeGreaterThanOrEqual(70);
    expect(await timed("hello [[sense-slow:100]]")).toBeGreaterThanOrEqual(700);
  });

  it("replays a recorded stream file verbatim (control sense.replay) until cleared", async () => {
    for (const fixture of [IMAGE_FIXTURE, CLARIFICATION_FIXTURE]) {
      expect(
        (await sim.control({ sense: { replay: path.relative(process.cwd(), fixture) } })).status,
      ).toBe(200);
      const stream = await senseStream(sim, { messages: user("anything at all") });
      expect(stream.response.headers.get("content-type")).toBe("text/event-stream");
      expect(stream.raw).toBe(fs.readFileSync(fixture, "utf8"));
    }
    const replayed = await senseStream(sim, { messages: user("anything") });
    expect(eventOf(replayed, "clarification_needed").options).toEqual([
      "Image (16:9)",
      "5-second video",
    ]);
    expect(await predictionCount(sim)).toBe(0);
    await sim.control({ sense: { replay: null } });
    expect(eventOf(await senseStream(sim, { messages: user("hello") }), "complete").status).toBe(
      "ok",
    );
  });

  it("stamps __SENT_AT__ in a replayed stream with the moment each event was written", async () => {
    const file = path.join(
      fs.mkdtempSync(path.join(SIMULATOR_DIR, "..", "node_modules", ".stamp-")),
      "stamped.sse",
    );
    const chunk = (text: string) =>
      `data: {"id":"c","object":"chat.completion.chunk","choices":[{"delta":{"content":"${text}"}}],"eachlabs":{"type":"text_response","text":"${text}","sent_at":__SENT_AT__}}\n\n`;
    fs.writeFileSync(file, `${chunk("a")}${chunk("b")}data: [DONE]\n\n`);
    await sim.control({ sense: { replay: file } });
    const before = performance.timeOrigin + performance.now();
    const stream = await senseStream(sim, { messages: user("anything") });
    const after = performance.timeOrigin + performance.now();
    const stamps = [...stream.raw.matchAll(/"sent_at":([\d.]+)/g)].map((match) => Number(match[1]));
    expect(stamps).toHaveLength(2);
    for (const stamp of stamps) expect(stamp).toBeGreaterThanOrEqual(before - 5);
    for (const stamp of stamps) expect(stamp).toBeLessThanOrEqual(after + 5);
    expect(stream.raw).not.toContain("__SENT_AT__");
    await sim.control({ sense: { replay: null } });
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
  });

  it("refuses bad sense switches without changing anything", async () => {
    const response = await sim.control({ sense: { replay: "no/such/file.sse" } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: string }).error).toContain("file not found");
    expect((await sim.control({ sense: { dropAfterEvents: -1 } })).status).toBe(400);
    expect((await sim.control({ sense: { explode: true } })).status).toBe(400);
  });

  it("--sense-replay and the other --sense-* flags parse into start-up options", () => {
    const options = parseCliArgs([
      "--sense-replay",
      "fixtures/sense-image-stream.sse",
      "--sense-pace",
      "3",
      "--sense-idle-ms",
      "1000",
      "--sense-ttl-ms=5000",
    ]);
    expect(options.sense).toEqual({
      replayFile: IMAGE_FIXTURE,
      paceFactor: 3,
      idleTimeoutMs: 1000,
      ttlMs: 5000,
    });
    expect(() => parseCliArgs(["--sense-replay", "missing.sse"])).toThrow(/file not found/);
  });

  it("a simulator started with a replay file replays it", async () => {
    const replaying = await startTestSimulator({ sense: { replayFile: CLARIFICATION_FIXTURE } });
    try {
      const stream = await senseStream(replaying, { messages: user("hello") });
      expect(stream.raw).toBe(fs.readFileSync(CLARIFICATION_FIXTURE, "utf8"));
    } finally {
      await replaying.close();
    }
  });
});
