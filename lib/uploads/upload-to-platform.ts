import "server-only";
import { accessFor } from "../eachlabs/access";
import { presignUpload } from "../eachlabs/client";
import { toAppError } from "../eachlabs/error-mapping";
import { AppError } from "../shared/errors";
import { kindOf } from "../shared/media-kind";

/** The platform's upload limit (each::storage: 100 MB per file). */
export const MAX_UPLOAD_BYTES = 100 * 1024 * 1024;

/** Counts bytes as they pass and fails the stream past the limit (Content-Length can lie). */
function limitStream(limit: number): TransformStream<Uint8Array, Uint8Array> {
  let seen = 0;
  return new TransformStream({
    transform(chunk, controller) {
      seen += chunk.byteLength;
      if (seen > limit)
        controller.error(
          new AppError("unprocessable:upload", `Files may be at most ${limit / 1024 / 1024} MB.`),
        );
      else controller.enqueue(chunk);
    },
  });
}

/**
 * Puts a file on the platform with its upload API: presign with our key, then PUT the bytes
 * straight through (never held whole in memory). Returns the public URL a model input takes.
 */
export async function uploadToPlatform(
  userId: string,
  file: { body: ReadableStream<Uint8Array>; contentType: string; byteSize: number | null },
): Promise<string> {
  if (file.byteSize !== null && file.byteSize > MAX_UPLOAD_BYTES) {
    throw new AppError(
      "unprocessable:upload",
      `Files may be at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.`,
    );
  }
  const kind = kindOf(file.contentType);
  const fileType = kind === "image" || kind === "video" || kind === "audio" ? kind : "other";
  let presigned;
  try {
    presigned = await presignUpload(await accessFor(userId), file.contentType, fileType);
  } catch (error) {
    throw toAppError(error, "upload");
  }
  const response = await fetch(presigned.presigned_url, {
    method: "PUT",
    headers: {
      "Content-Type": file.contentType,
      ...(file.byteSize !== null ? { "Content-Length": String(file.byteSize) } : {}),
      ...presigned.required_headers,
    },
    body: file.body.pipeThrough(limitStream(MAX_UPLOAD_BYTES)),
    // Node's fetch needs this to send a stream body.
    duplex: "half",
  } as RequestInit & { duplex: "half" }).catch((error: unknown) => {
    if (error instanceof AppError) throw error;
    const cause = (error as { cause?: unknown }).cause;
    if (cause instanceof AppError) throw cause;
    throw new AppError("upstream:upload", "The upload did not reach each::labs. Please try again.");
  });
  if (!response.ok)
    throw new AppError(
      "upstream:upload",
      `each::labs refused the upload (HTTP ${response.status}).`,
    );
  return presigned.public_url;
}
