import type { IncomingMessage, ServerResponse } from "node:http";
import type { SimulatorContext } from "../context.js";
import { sendApiError } from "../api/errors.js";
import { playFault } from "../api/fault-response.js";
import { takeNextFault } from "../http/next-rules.js";
import { sendEmpty } from "../http/respond.js";
import { Router } from "../http/router.js";
import { serveFile } from "../http/serve-file.js";
import { contentTypeFor } from "../media/content-types.js";
import type { Product } from "../products.js";
import { receiveUpload } from "./receive-upload.js";
import { sendS3Error } from "./s3-error.js";

type Handler = (
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  url: URL,
) => Promise<void>;

// Like a CDN and a bucket configured for browser uploads: any page may read media
// and PUT to a presigned URL (the signature, not the origin, is the credential).
const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, HEAD, PUT",
  "Access-Control-Allow-Headers": "Content-Type, Range, x-amz-meta-file-id",
  "Access-Control-Expose-Headers": "Content-Length, Content-Range, Accept-Ranges, ETag",
  "Access-Control-Max-Age": "600",
};

/**
 * The simulator's "CDN": generated media at `/media/<hash>.<ext>` and uploads at
 * `/uploads/<id>.<ext>` (also the presigned PUT target). Public, like CDN URLs.
 */
export function createStorageProduct(ctx: SimulatorContext): Product {
  const router = new Router<Handler>()
    .add("GET", "/media/:name", serveMedia)
    .add("GET", "/uploads/:file", serveUpload)
    .add("PUT", "/uploads/:file", receiveUpload);
  return {
    name: "storage",
    prefix: "/",
    async handle(req, res, url, path) {
      const method = req.method ?? "GET";
      const match = router.match(method === "OPTIONS" ? "GET" : method, path);
      if (match.kind === "none") return false;
      for (const [name, value] of Object.entries(CORS_HEADERS)) res.setHeader(name, value);
      if (method === "OPTIONS") {
        sendEmpty(res, 204);
        return true;
      }
      if (match.kind === "wrong-method") {
        sendApiError(res, ctx.config.dialect, 405, "Method not allowed", {
          headers: { Allow: match.allowed.join(", ") },
        });
        return true;
      }
      const fault = takeNextFault(ctx.config, method, path, true);
      if (fault !== null && (await playFault(ctx, res, fault, null)) === "handled") return true;
      await match.entry(ctx, req, res, match.params, url);
      return true;
    },
  };
}

async function serveMedia(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
): Promise<void> {
  const name = params.name ?? "";
  const filePath = ctx.media.pathOf(name);
  if (filePath === null) {
    sendApiError(res, ctx.config.dialect, 404, "media not found");
    return;
  }
  try {
    await serveFile(
      req,
      res,
      filePath,
      contentTypeFor(name.split(".").pop() ?? ""),
      name.split(".")[0] ?? name,
    );
  } catch {
    if (!res.headersSent) sendApiError(res, ctx.config.dialect, 404, "media not found");
  }
}

async function serveUpload(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
): Promise<void> {
  const [id = "", extension = ""] = (params.file ?? "").toLowerCase().split(".", 2);
  const record = ctx.uploads.get(id);
  if (record === undefined || record.state !== "live" || record.extension !== extension) {
    sendS3Error(res, 404, "NoSuchKey", "The specified key does not exist.");
    return;
  }
  await serveFile(req, res, ctx.uploads.filePath(record), record.contentType, record.id);
}
