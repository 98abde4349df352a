import { createHash } from "node:crypto";
import fs from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import { once } from "node:events";
import type { SimulatorContext } from "../context.js";
import { sendEmpty } from "../http/respond.js";
import { MAX_UPLOAD_BYTES } from "../uploads/upload-store.js";
import { sendS3Error } from "./s3-error.js";

/**
 * The presigned PUT: checks what S3 would (signature, expiry, signed
 * Content-Type, the required x-amz-meta-file-id header, the size limit), then
 * streams the body to disk. Only then is the file live at its public URL.
 */
export async function receiveUpload(
  ctx: SimulatorContext,
  req: IncomingMessage,
  res: ServerResponse,
  params: Record<string, string>,
  url: URL,
): Promise<void> {
  const [id = "", extension = ""] = (params.file ?? "").toLowerCase().split(".", 2);
  const record = ctx.uploads.get(id);
  if (record === undefined || record.state === "deleted" || record.extension !== extension) {
    sendS3Error(res, 403, "AccessDenied", "No upload was presigned for this object.");
    return;
  }
  if (!ctx.uploads.verify(record, url.searchParams.get("X-Amz-Signature") ?? "")) {
    sendS3Error(
      res,
      403,
      "SignatureDoesNotMatch",
      "The request signature we calculated does not match the signature you provided.",
    );
    return;
  }
  if (Date.now() > record.putExpiresAt.getTime()) {
    sendS3Error(res, 403, "AccessDenied", "Request has expired");
    return;
  }
  const contentType = req.headers["content-type"]?.trim();
  if (contentType !== record.contentType) {
    sendS3Error(
      res,
      403,
      "SignatureDoesNotMatch",
      `Content-Type must be "${record.contentType}" as presigned (got "${contentType ?? ""}").`,
    );
    return;
  }
  if (req.headers["x-amz-meta-file-id"] !== record.id) {
    sendS3Error(res, 403, "AccessDenied", "Missing or wrong required header x-amz-meta-file-id.");
    return;
  }
  const declared = Number(req.headers["content-length"] ?? NaN);
  if (Number.isFinite(declared) && declared > MAX_UPLOAD_BYTES) {
    // Answer at once and drop the connection afterwards rather than store 100 MB for nothing.
    res.setHeader("Connection", "close");
    sendS3Error(
      res,
      413,
      "EntityTooLarge",
      `Your proposed upload exceeds the maximum allowed size of ${MAX_UPLOAD_BYTES} bytes.`,
    );
    req.resume();
    return;
  }

  const target = ctx.uploads.filePath(record);
  const partial = `${target}.partial`;
  const received = await writeLimited(req, partial);
  if (received === "too-large") {
    res.setHeader("Connection", "close");
    sendS3Error(
      res,
      413,
      "EntityTooLarge",
      `Your upload exceeds the maximum allowed size of ${MAX_UPLOAD_BYTES} bytes.`,
    );
    return;
  }
  if (received === "aborted") {
    res.destroy();
    return;
  }
  await fs.promises.rename(partial, target);
  ctx.uploads.markLive(record, received.size);
  sendEmpty(res, 200, { ETag: `"${received.md5}"` });
}

/**
 * Streams the body to `filePath`. Past the limit it keeps reading (and
 * discarding) so the client can finish sending and read the 413.
 */
async function writeLimited(
  req: IncomingMessage,
  filePath: string,
): Promise<{ size: number; md5: string } | "too-large" | "aborted"> {
  const out = fs.createWriteStream(filePath);
  const md5 = createHash("md5");
  let size = 0;
  let tooLarge = false;
  try {
    for await (const chunk of req) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (tooLarge) continue;
      if (size > MAX_UPLOAD_BYTES) {
        tooLarge = true;
        continue;
      }
      md5.update(buffer);
      if (!out.write(buffer)) await once(out, "drain");
    }
    out.end();
    await once(out, "finish");
  } catch {
    out.destroy();
    await fs.promises.rm(filePath, { force: true });
    return "aborted";
  }
  if (tooLarge) {
    await fs.promises.rm(filePath, { force: true });
    return "too-large";
  }
  return { size, md5: md5.digest("hex") };
}
