import type { ServerResponse } from "node:http";
import { sendText } from "../http/respond.js";

/** Object-storage errors look like S3's XML, because presigned URLs talk to storage, not the JSON API. */
export function sendS3Error(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
): void {
  sendText(
    res,
    status,
    `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
    "application/xml",
  );
}
