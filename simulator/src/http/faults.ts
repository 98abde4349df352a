import type { ServerResponse } from "node:http";

/**
 * A deliberate misbehaviour, from the `X-Simulator-Fail` header or a queued
 * control rule. Spelled as a string: "429", "503:5" (Retry-After 5 s), "slow",
 * "slow:1500", "hang", "timeout", "timeout:2000", "reset", "malformed".
 */
export type Fault =
  | { kind: "status"; status: number; retryAfterS?: number }
  | { kind: "slow"; delayMs?: number }
  | { kind: "hang" }
  | { kind: "timeout"; afterMs?: number }
  | { kind: "reset" }
  | { kind: "malformed" };

export function parseFault(spec: string): Fault | null {
  const [name = "", argument] = spec.trim().toLowerCase().split(":", 2);
  const number = argument === undefined || argument === "" ? undefined : Number(argument);
  if (number !== undefined && (!Number.isFinite(number) || number < 0)) return null;
  if (/^[45]\d\d$/.test(name)) {
    const status = Number(name);
    return number === undefined
      ? { kind: "status", status }
      : { kind: "status", status, retryAfterS: number };
  }
  switch (name) {
    case "slow":
      return number === undefined ? { kind: "slow" } : { kind: "slow", delayMs: number };
    case "timeout":
      return number === undefined ? { kind: "timeout" } : { kind: "timeout", afterMs: number };
    case "hang":
    case "reset":
    case "malformed":
      return { kind: name };
    default:
      return null;
  }
}

export interface FaultRunner {
  /** Sends the product's own error body for a status fault (dialect-aware). */
  sendStatus(status: number, retryAfterS: number | undefined): void;
  /** Defaults for "slow" and "timeout" without a number, already scaled by the time factor. */
  slowMs: number;
  timeoutMs: number;
  sleep(ms: number): Promise<void>;
}

/**
 * Plays a fault. "continue" means the request should then be handled normally
 * (only "slow" does that: it delays, then answers correctly).
 */
export async function runFault(
  fault: Fault,
  res: ServerResponse,
  runner: FaultRunner,
): Promise<"handled" | "continue"> {
  switch (fault.kind) {
    case "status":
      runner.sendStatus(fault.status, fault.retryAfterS);
      return "handled";
    case "slow":
      await runner.sleep(fault.delayMs ?? runner.slowMs);
      return "continue";
    case "hang":
      // Never answer: the client's own timeout must fire. Server close() destroys the socket.
      return "handled";
    case "timeout":
      await runner.sleep(fault.afterMs ?? runner.timeoutMs);
      runner.sendStatus(504, undefined);
      return "handled";
    case "reset":
      res.socket?.destroy();
      return "handled";
    case "malformed": {
      // A truncated JSON body with a success status: the client's parser must cope.
      const body = '{"status":"success","predictionID":';
      res.writeHead(200, {
        "Content-Type": "application/json; charset=utf-8",
        "Content-Length": body.length,
      });
      res.end(body);
      return "handled";
    }
  }
}
