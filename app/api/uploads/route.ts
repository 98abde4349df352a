import { NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { AppError } from "@/lib/shared/errors";
import { uploadToPlatform } from "@/lib/uploads/upload-to-platform";

/**
 * A file for a model input: the raw bytes as the body, its type as Content-Type. Answers
 * `{ url }`, the platform's public URL for it.
 */
export const POST = userHandler(async (request, _context, user) => {
  const contentType = request.headers.get("content-type")?.split(";")[0]?.trim();
  if (!contentType || !request.body)
    throw new AppError("bad_request:upload", "Send the file's bytes with its Content-Type.");
  const length = request.headers.get("content-length");
  const url = await uploadToPlatform(user.id, {
    body: request.body,
    contentType,
    byteSize: length ? Number(length) : null,
  });
  return NextResponse.json({ url }, { status: 201 });
});
