import "server-only";
import { accessFor } from "../eachlabs/access";
import { presignUpload } from "../eachlabs/client";
import { toAppError } from "../eachlabs/error-mapping";
import { AppError } from "../shared/errors";
import { kindOf } from "../shared/media-kind";
import { checkUploadFile, UPLOAD_MAX_BYTES as MAX_UPLOAD_BYTES } from "../shared/model-schema";

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
  const kind = kindOf(file.contentType);
  const media = kind === "image" || kind === "video" || kind === "audio" ? kind : null;
  if (!media) {
    throw new AppError(
      "unprocessable:upload",
      `Upload an image, a video or an audio file (this one is ${file.contentType}).`,
    );
  }
  // The same check the drop zone makes before uploading, for callers that skipped it.
  const problem = checkUploadFile({ type: file.contentType, size: file.byteSize ?? 0 }, media);
  if (problem) throw new AppError("unprocessable:upload", problem);
  let presigned;
  try {
    presigned = await presignUpload(await accessFor(userId), file.contentType, media);
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
