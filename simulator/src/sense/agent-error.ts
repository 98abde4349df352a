/**
 * A failure the agent reports to the client: the last event of a stream (then
 * `[DONE]`), or an HTTP error for a non-streaming request. Codes from the
 * official EDGE_CASES page: CONTENT_FILTER, INSUFFICIENT_BALANCE, RATE_LIMITED,
 * TIMEOUT; plus the simulator's own (INVALID_REQUEST, EXECUTION_FAILED...).
 */
export class AgentError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** The client went away, or a drop switch closed the connection: stop working, write nothing more. */
export class StopStream extends Error {
  constructor() {
    super("stream stopped");
  }
}

/** HTTP status of a non-streaming answer carrying this code. */
export function statusForCode(code: string): number {
  switch (code) {
    case "INVALID_REQUEST":
    case "INVALID_PARAMETERS":
    case "CONTENT_FILTER":
      return 400;
    case "INSUFFICIENT_BALANCE":
      return 402;
    case "MODEL_NOT_FOUND":
    case "SESSION_NOT_FOUND":
    case "WORKFLOW_NOT_FOUND":
      return 404;
    case "SESSION_BUSY":
      return 409;
    case "RATE_LIMITED":
      return 429;
    case "TIMEOUT":
      return 504;
    default:
      return 500;
  }
}

/** Messages for injected errors (`[[sense-error:CODE]]`), worded like the official examples. */
export function injectedError(code: string): AgentError {
  switch (code) {
    case "CONTENT_FILTER":
      return new AgentError(code, "Content was filtered by safety system");
    case "INSUFFICIENT_BALANCE":
      return new AgentError(code, "Generation failed: Insufficient balance", {
        current_balance: 0.1,
        required_estimate: 0.5,
        top_up_url: "https://www.eachlabs.ai/billing",
      });
    case "RATE_LIMITED":
      return new AgentError(code, "Rate limit exceeded.", undefined, { retry_after: 30 });
    case "TIMEOUT":
      return new AgentError(
        code,
        "Request timed out. The operation took longer than expected.",
        undefined,
        {
          suggestion: "For long-running operations, check execution status with the execution_id",
        },
      );
    default:
      return new AgentError(code, "Internal error while processing the request");
  }
}
