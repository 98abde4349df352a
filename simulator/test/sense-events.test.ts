import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SENSE_EVENT_TYPES } from "../src/sense/events.js";
import { startTestSimulator, type TestSimulator } from "./helpers.js";
import { senseJson, senseStream, types, user, type SenseStream } from "./sense-helpers.js";

/**
 * The reference lists 18 event types plus `error` (19 rows). A handful of
 * ordinary conversations must between them produce every one.
 */
describe("each::sense event coverage", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  it("emits every documented event type across image, video, search, ask, workflow and error flows", async () => {
    const seen = new Set<string>();
    const collect = (stream: SenseStream): void => types(stream).forEach((type) => seen.add(type));

    // thinking_delta, status, tool_call, progress, text_response, generation_response, complete
    collect(await senseStream(sim, { messages: user("Generate an image of a glass teapot") }));
    // message (video processing notice)
    collect(
      await senseStream(sim, {
        messages: user("Create a 5 second video of a candle"),
        mode: "eco",
      }),
    );
    // web_search_query, web_search_citations
    collect(await senseStream(sim, { messages: user("What's the latest news about AI art?") }));
    // clarification_needed
    collect(await senseStream(sim, { messages: user("Generate a sunset"), behavior: "ask" }));
    // workflow_built, workflow_created
    const built = await senseStream(
      sim,
      { message: "generate an image and then upscale it" },
      { path: "/sense/workflow" },
    );
    collect(built);
    const workflowId = built.events.find((event) => event.type === "workflow_created")?.workflow_id;
    // workflow_fetched, workflow_updated
    collect(
      await senseStream(
        sim,
        { message: "add a background removal step", workflow_id: workflowId, version_id: "v1" },
        { path: "/sense/workflow" },
      ),
    );
    // execution_started, execution_progress, execution_completed
    collect(
      await senseStream(sim, { messages: user("A fox in a library"), workflow_id: workflowId }),
    );
    // error
    collect(
      await senseStream(sim, {
        messages: user("edit"),
        image_urls: ["a", "b", "c", "d", "e"].map((name) => `https://example.com/${name}.png`),
      }),
    );

    expect(SENSE_EVENT_TYPES).toHaveLength(19);
    expect([...seen].sort()).toEqual([...SENSE_EVENT_TYPES].sort());
    // The non-streaming answer of the same kind of request has no events, only the summary.
    expect((await senseJson(sim, { messages: user("hello") })).body.object).toBe("chat.completion");
  });
});
