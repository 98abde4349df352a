import type { Router } from "../http/router.js";
import { isPlainObject, readJsonBody } from "../http/read-body.js";
import { sendEmpty, sendJson } from "../http/respond.js";
import { extensionFor } from "../media/content-types.js";
import type { FileType } from "../uploads/upload-store.js";
import { requireKey, type ApiCall, type ApiRoute } from "./api-route.js";
import { sendApiError } from "./errors.js";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILE_TYPES: readonly FileType[] = ["image", "video", "audio", "other"];
const MIN_RETENTION_S = 60;
const MAX_RETENTION_S = 31_536_000;
const DEFAULT_RETENTION_S = 180 * 24 * 3600;

/** each::storage: presign an upload, PUT the bytes to the presigned URL, read them at public_url. */
export function registerUploadRoutes(router: Router<ApiRoute>): void {
  router.add("POST", "/v1/upload/presign", { auth: "required", handle: presign });
  router.add("DELETE", "/v1/files/:id", { auth: "required", handle: deleteFile });
}

async function presign(call: ApiCall): Promise<void> {
  const body = await readJsonBody(call.req);
  if (!body.ok || !isPlainObject(body.value)) {
    sendApiError(call.res, call.dialect, 400, "invalid request body");
    return;
  }
  const {
    content_type: contentType,
    file_type: fileType,
    expires_in_seconds: retention,
  } = body.value;
  if (typeof contentType !== "string" || contentType.trim() === "") {
    sendApiError(call.res, call.dialect, 400, "content_type is required", {
      details: [{ field: "content_type", message: "is required" }],
    });
    return;
  }
  if (fileType !== undefined && !FILE_TYPES.includes(fileType as FileType)) {
    sendApiError(call.res, call.dialect, 400, "invalid file_type", {
      details: [{ field: "file_type", message: `must be one of: ${FILE_TYPES.join(", ")}` }],
    });
    return;
  }
  const retentionSeconds = retention === undefined ? DEFAULT_RETENTION_S : Number(retention);
  if (
    !Number.isInteger(retentionSeconds) ||
    retentionSeconds < MIN_RETENTION_S ||
    retentionSeconds > MAX_RETENTION_S
  ) {
    sendApiError(call.res, call.dialect, 400, "invalid expires_in_seconds", {
      details: [
        {
          field: "expires_in_seconds",
          message: `must be an integer from ${MIN_RETENTION_S} to ${MAX_RETENTION_S}`,
        },
      ],
    });
    return;
  }
  const extension = extensionFor(contentType);
  const record = call.ctx.uploads.create({
    contentType: contentType.trim(),
    extension,
    fileType: (fileType as FileType | undefined) ?? guessFileType(contentType),
    key: requireKey(call),
    retentionSeconds,
  });
  const objectUrl = `${call.ctx.publicUrl()}/uploads/${record.id}.${extension}`;
  // Shaped like an S3 presigned URL: the object path plus signature query parameters.
  const query = new URLSearchParams({
    "X-Amz-Algorithm": "AWS4-HMAC-SHA256",
    "X-Amz-Expires": String(
      Math.round((record.putExpiresAt.getTime() - record.createdAt.getTime()) / 1000),
    ),
    "X-Amz-SignedHeaders": "content-type;host;x-amz-meta-file-id",
    "X-Amz-Signature": call.ctx.uploads.sign(record),
  });
  sendJson(call.res, 200, {
    id: record.id,
    presigned_url: `${objectUrl}?${query.toString()}`,
    public_url: objectUrl,
    expires_at: record.expiresAt.toISOString(),
    required_headers: { "x-amz-meta-file-id": record.id },
  });
}

/** 204 whether or not the file existed: deleting is idempotent. */
async function deleteFile(call: ApiCall): Promise<void> {
  const id = call.params.id ?? "";
  if (!UUID.test(id)) {
    sendApiError(call.res, call.dialect, 400, "invalid argument", {
      details: "file id must be a UUID",
    });
    return;
  }
  await call.ctx.uploads.delete(id.toLowerCase());
  sendEmpty(call.res, 204);
}

function guessFileType(contentType: string): FileType {
  const family = contentType.split("/")[0]?.toLowerCase();
  return family === "image" || family === "video" || family === "audio" ? family : "other";
}
