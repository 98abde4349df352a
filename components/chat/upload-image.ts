// Uploads an attachment through POST /api/uploads like components/runs/upload-file.ts, but
// with XMLHttpRequest: fetch cannot report upload progress, and a photo on a slow line
// takes long enough that a bare spinner leaves the person guessing.
import { isErrorBody } from "@/lib/shared/errors";

export type UploadHandle = { done: Promise<string>; abort: () => void };

export function uploadImage(file: File, onProgress: (fraction: number) => void): UploadHandle {
  const request = new XMLHttpRequest();
  const done = new Promise<string>((resolve, reject) => {
    request.open("POST", "/api/uploads");
    request.setRequestHeader("Content-Type", file.type || "application/octet-stream");
    request.setRequestHeader("Accept", "application/json");
    request.responseType = "text";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        // Not JSON: said below.
      }
      const url = (body as { url?: unknown } | null)?.url;
      if (request.status >= 200 && request.status < 300 && typeof url === "string") resolve(url);
      else
        reject(
          new Error(
            isErrorBody(body) ? body.error.message : `the server answered ${request.status}`,
          ),
        );
    };
    request.onerror = () => reject(new Error("the connection failed"));
    request.onabort = () => reject(new DOMException("Upload cancelled", "AbortError"));
    request.send(file);
  });
  return { done, abort: () => request.abort() };
}
