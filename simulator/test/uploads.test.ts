import http from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { download, startTestSimulator, type TestSimulator } from "./helpers.js";

interface Presigned {
  id: string;
  presigned_url: string;
  public_url: string;
  expires_at: string;
  required_headers: Record<string, string>;
}

describe("uploads (each::storage)", () => {
  let sim: TestSimulator;
  beforeAll(async () => {
    sim = await startTestSimulator();
  });
  afterAll(() => sim.close());

  const presign = async (body: Record<string, unknown>): Promise<Presigned> => {
    const response = await sim.call("/v1/upload/presign", { method: "POST", json: body });
    expect(response.status).toBe(200);
    return (await response.json()) as Presigned;
  };

  it("presigns an upload in the documented shape", async () => {
    const presigned = await presign({ content_type: "image/png", file_type: "image" });
    expect(presigned).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      presigned_url: expect.stringContaining("X-Amz-Signature="),
      public_url: `${sim.url}/uploads/${presigned.id}.png`,
      expires_at: expect.any(String),
      required_headers: { "x-amz-meta-file-id": presigned.id },
    });
    const retentionDays = (Date.parse(presigned.expires_at) - Date.now()) / 86_400_000;
    expect(retentionDays).toBeCloseTo(180, 0);
  });

  it("stores PUT bytes and serves them at public_url with range support", async () => {
    const presigned = await presign({ content_type: "video/mp4", expires_in_seconds: 3600 });
    const bytes = Buffer.from("0123456789".repeat(100));
    expect((await fetch(presigned.public_url)).status).toBe(404);
    const put = await fetch(presigned.presigned_url, {
      method: "PUT",
      body: new Uint8Array(bytes),
      headers: { "Content-Type": "video/mp4", ...presigned.required_headers },
    });
    expect(put.status).toBe(200);
    expect(put.headers.get("etag")).toMatch(/^"[0-9a-f]{32}"$/);
    const served = await download(presigned.public_url);
    expect(served.response.headers.get("content-type")).toBe("video/mp4");
    expect(served.data.equals(bytes)).toBe(true);
    const range = await download(presigned.public_url, { headers: { Range: "bytes=10-19" } });
    expect(range.response.status).toBe(206);
    expect(range.data.toString()).toBe("0123456789");
  });

  it.each([
    ["a different Content-Type", { "Content-Type": "image/jpeg" }, true],
    ["no x-amz-meta-file-id header", { "Content-Type": "image/png" }, false],
  ])("refuses a PUT with %s (403)", async (_label, headers, withRequired) => {
    const presigned = await presign({ content_type: "image/png" });
    const put = await fetch(presigned.presigned_url, {
      method: "PUT",
      body: "x",
      headers: { ...headers, ...(withRequired ? presigned.required_headers : {}) },
    });
    expect(put.status).toBe(403);
    expect(await put.text()).toMatch(/<Error><Code>/);
  });

  it("refuses a PUT with a tampered signature (403)", async () => {
    const presigned = await presign({ content_type: "image/png" });
    const tampered = presigned.presigned_url.replace(
      /X-Amz-Signature=([0-9a-f])/,
      (_match, first: string) => `X-Amz-Signature=${first === "0" ? "1" : "0"}`,
    );
    const put = await fetch(tampered, {
      method: "PUT",
      body: "x",
      headers: { "Content-Type": "image/png", ...presigned.required_headers },
    });
    expect(put.status).toBe(403);
  });

  it("refuses uploads over 100 MB with 413 before reading them", async () => {
    const presigned = await presign({ content_type: "video/mp4" });
    const url = new URL(presigned.presigned_url);
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(url, {
        method: "PUT",
        headers: {
          "Content-Type": "video/mp4",
          "Content-Length": 100 * 1024 * 1024 + 1,
          ...presigned.required_headers,
        },
      });
      request.on("response", (response) => {
        response.resume();
        resolve(response.statusCode ?? 0);
        request.destroy();
      });
      request.on("error", reject);
      request.write(Buffer.alloc(1024));
    });
    expect(status).toBe(413);
  });

  it("deletes idempotently (204), and the file is gone afterwards", async () => {
    const presigned = await presign({ content_type: "image/png" });
    await fetch(presigned.presigned_url, {
      method: "PUT",
      body: "png",
      headers: { "Content-Type": "image/png", ...presigned.required_headers },
    });
    expect((await fetch(presigned.public_url)).status).toBe(200);
    for (let round = 0; round < 2; round += 1) {
      const deleted = await sim.call(`/v1/files/${presigned.id}`, { method: "DELETE" });
      expect(deleted.status).toBe(204);
      expect(await deleted.text()).toBe("");
    }
    expect((await fetch(presigned.public_url)).status).toBe(404);
    expect(
      (await sim.call("/v1/files/00000000-0000-4000-8000-000000000000", { method: "DELETE" }))
        .status,
    ).toBe(204);
  });

  it.each([
    ["DELETE", "/v1/files/not-a-uuid", undefined, 400, { error: "invalid argument" }],
    ["POST", "/v1/upload/presign", {}, 400, { error: "content_type is required" }],
    [
      "POST",
      "/v1/upload/presign",
      { content_type: "image/png", file_type: "pdf" },
      400,
      { error: "invalid file_type" },
    ],
    [
      "POST",
      "/v1/upload/presign",
      { content_type: "image/png", expires_in_seconds: 5 },
      400,
      { error: "invalid expires_in_seconds" },
    ],
  ])("%s %s with %j answers %i", async (method, path, json, status, body) => {
    const response = await sim.call(path, { method, json });
    expect(response.status).toBe(status);
    expect(await response.json()).toMatchObject(body);
  });

  it("answers a browser's CORS preflight for the presigned PUT", async () => {
    const presigned = await presign({ content_type: "image/png" });
    const preflight = await fetch(presigned.presigned_url, {
      method: "OPTIONS",
      headers: { Origin: "http://localhost:3000", "Access-Control-Request-Method": "PUT" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("*");
    expect(preflight.headers.get("access-control-allow-methods")).toContain("PUT");
    expect(preflight.headers.get("access-control-allow-headers")).toContain("x-amz-meta-file-id");
  });

  it("needs a key to presign or delete", async () => {
    expect(
      (
        await sim.call("/v1/upload/presign", {
          method: "POST",
          key: null,
          json: { content_type: "image/png" },
        })
      ).status,
    ).toBe(401);
    expect(
      (
        await sim.call("/v1/files/00000000-0000-4000-8000-000000000000", {
          method: "DELETE",
          key: null,
        })
      ).status,
    ).toBe(401);
  });
});
