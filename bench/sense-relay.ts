// The chat relay's added latency and its behaviour under load. The simulator replays a
// recorded stream of 1,000 events, stamping each with the moment it was written
// (`__SENT_AT__`, see simulator/README.md); a client notes when each event arrives,
// (a) reading the simulator directly and (b) through the app's relay
// (POST /api/chat/conversations/:id/messages: parsed, persisted, re-sent). Then 50 chats
// stream at once through one app instance: events delivered vs emitted, p99 added latency
// and the app's RSS.
//
//   npx tsx bench/sense-relay.ts
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { startAppInstance } from "../e2e/support/app-instance";
import { pidListeningOn, rssOf, sampleRss } from "./lib/process-memory";
import { signedInCookie } from "./lib/session";
import { percentile, printTable } from "./lib/stats";

const EVENTS = 1000;
const CONCURRENT = 50;
const KEY = "sim_local_playground";

function recordedStream(): string {
  const chunk = (payload: Record<string, unknown>, text = "") =>
    `data: ${JSON.stringify({ id: "chatcmpl-bench", object: "chat.completion.chunk", created: 0, model: "eachsense/beta", choices: [{ index: 0, delta: { content: text }, finish_reason: null }], eachlabs: payload }).replace('"__SENT__"', "__SENT_AT__")}\n\n`;
  const parts: string[] = [];
  for (let i = 0; i < EVENTS - 1; i++)
    parts.push(chunk({ type: "text_response", text: `t${i} `, sent_at: "__SENT__" }, `t${i} `));
  parts.push(chunk({ type: "complete", status: "ok", generations: [], sent_at: "__SENT__" }));
  parts.push("data: [DONE]\n\n");
  return parts.join("");
}

/** Reads an SSE body and returns, per event carrying `sent_at`, how long it took to arrive. */
async function delays(body: ReadableStream<Uint8Array>): Promise<number[]> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const found: number[] = [];
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const now = performance.timeOrigin + performance.now();
    buffer += decoder.decode(value, { stream: true });
    const messages = buffer.split("\n\n");
    buffer = messages.pop() ?? "";
    for (const message of messages) {
      const sent = /"sent_at":([\d.]+)/.exec(message)?.[1];
      if (sent) found.push(now - Number(sent));
    }
  }
  return found;
}

async function direct(simulatorURL: string): Promise<number[]> {
  const response = await fetch(`${simulatorURL}/sense/v1/chat/completions`, {
    method: "POST",
    headers: { "X-API-Key": KEY, "Content-Type": "application/json" },
    body: JSON.stringify({
      model: "eachsense/beta",
      stream: true,
      messages: [{ role: "user", content: "bench" }],
    }),
  });
  return delays(response.body!);
}

async function viaApp(baseURL: string, cookie: string): Promise<number[]> {
  const headers = { Cookie: cookie, "Content-Type": "application/json" };
  const created = await fetch(`${baseURL}/api/chat/conversations`, {
    method: "POST",
    headers,
    body: JSON.stringify({}),
  });
  const { conversation } = (await created.json()) as { conversation: { id: string } };
  const response = await fetch(`${baseURL}/api/chat/conversations/${conversation.id}/messages`, {
    method: "POST",
    headers,
    body: JSON.stringify({ content: "bench" }),
  });
  if (!response.ok || !response.body)
    throw new Error(`relay answered ${response.status}: ${await response.text()}`);
  return delays(response.body);
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bench-sense-"));
  const file = path.join(dir, "stream.sse");
  fs.writeFileSync(file, recordedStream());
  // 150 ms between replayed events × 0.02 = 3 ms: 1,000 events in about 3 s.
  const app = await startAppInstance({
    name: "bench",
    dialect: "reference",
    simulatorArgs: `--quiet --time-factor 0.02 --sense-replay ${file}`,
  });
  try {
    const cookie = await signedInCookie(app.baseURL);
    await viaApp(app.baseURL, cookie); // warm-up: compile the route, open the database
    const plain = await direct(app.simulatorURL);
    const relayed = await viaApp(app.baseURL, cookie);
    const row = (name: string, values: number[]) => ({
      path: name,
      events: values.length,
      "p50 ms": percentile(values, 50),
      "p99 ms": percentile(values, 99),
    });
    printTable(`Relay latency: ${EVENTS} events, sent by the simulator → received by a client`, [
      row("simulator directly", plain),
      row("through the app's relay", relayed),
    ]);
    const added50 = percentile(relayed, 50) - percentile(plain, 50);
    const added99 = percentile(relayed, 99) - percentile(plain, 99);
    console.log(
      `Added by the relay: p50 ${added50.toFixed(2)} ms, p99 ${added99.toFixed(2)} ms; ratio of p50s ${(percentile(relayed, 50) / percentile(plain, 50)).toFixed(1)}`,
    );

    const pid = pidListeningOn(Number(new URL(app.baseURL).port));
    const before = rssOf(pid);
    const sampler = sampleRss(pid);
    const cookies = await Promise.all(
      Array.from({ length: CONCURRENT }, () => signedInCookie(app.baseURL)),
    );
    const started = performance.now();
    const results = await Promise.all(cookies.map((c) => viaApp(app.baseURL, c)));
    const seconds = (performance.now() - started) / 1000;
    const peak = sampler.stop();
    const all = results.flat();
    printTable(`${CONCURRENT} chats streaming at once through one app instance`, [
      { measure: "events emitted by the simulator", value: String(CONCURRENT * EVENTS) },
      { measure: "events delivered to the clients", value: String(all.length) },
      {
        measure: "streams complete",
        value: `${results.filter((r) => r.length === EVENTS).length} of ${CONCURRENT}`,
      },
      {
        measure: "added latency p50 / p99 (vs direct p50 / p99)",
        value: `${(percentile(all, 50) - percentile(plain, 50)).toFixed(1)} / ${(percentile(all, 99) - percentile(plain, 99)).toFixed(1)} ms`,
      },
      { measure: "wall time", value: `${seconds.toFixed(1)} s` },
      {
        measure: "app RSS before / peak",
        value: `${(before / 1048576).toFixed(0)} / ${(peak / 1048576).toFixed(0)} MB`,
      },
    ]);
  } finally {
    await app.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
