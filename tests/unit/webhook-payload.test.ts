import { describe, expect, it } from "vitest";
import { parseWebhookPayload } from "@/lib/runs/webhook-payload";

describe("parseWebhookPayload", () => {
  it("reads the reference's success payload", () => {
    const parsed = parseWebhookPayload({
      id: "pred-1",
      status: "success",
      output: "https://cdn/x.png",
      input: { prompt: "p" },
      metrics: { predict_time: 12.5, cost: 0.03 },
    });
    expect(parsed).toEqual({
      predictionId: "pred-1",
      report: {
        status: "success",
        output: "https://cdn/x.png",
        logs: undefined,
        error: undefined,
        predictTime: 12.5,
        cost: 0.03,
      },
    });
  });

  it("reads the reference's failed payload with its logs", () => {
    const parsed = parseWebhookPayload({
      id: "pred-1",
      status: "failed",
      output: null,
      logs: "Error: content filter triggered",
    });
    expect(parsed?.report.logs).toBe("Error: content filter triggered");
    expect(parsed?.report.output).toBeUndefined();
  });

  it("reads the official success payload", () => {
    const parsed = parseWebhookPayload({
      exec_id: "pred-2",
      flow_id: null,
      status: "succeeded",
      output: ["https://cdn/a.png"],
      error: "",
    });
    expect(parsed?.predictionId).toBe("pred-2");
    expect(parsed?.report).toMatchObject({
      status: "succeeded",
      output: ["https://cdn/a.png"],
      error: undefined,
    });
  });

  it.each([
    [
      "a string",
      [{ id: "", status: "", output: "", error: "provider timed out" }],
      "provider timed out",
    ],
    [
      "an error object",
      [
        {
          id: "",
          status: "",
          output: "",
          error: { error_code: "PROVIDER_FAILED", error_message: "GPU lost" },
        },
      ],
      "PROVIDER_FAILED: GPU lost",
    ],
  ])("takes the official failure reason from output[0].error as %s", (_kind, output, logs) => {
    expect(
      parseWebhookPayload({ exec_id: "p", status: "failed", output, error: "" })?.report.logs,
    ).toBe(logs);
  });

  it("refuses something that is not a prediction payload", () => {
    expect(parseWebhookPayload({ hello: "world" })).toBeNull();
  });
});
