// A tiny S3-compatible server for tests: a stand-in for a third-party service (as the
// simulator is for each::labs), speaking just the path-style REST calls our S3 store makes.
// Signatures are not checked; objects live in memory.
import { createHash, randomUUID } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

export type FakeObject = { body: Buffer; contentType: string; etag: string; modified: Date };

export type FakeS3 = {
  endpoint: string;
  /** Objects by `bucket/key`. */
  objects: Map<string, FakeObject>;
  /** Multipart uploads begun and neither completed nor aborted. */
  pendingUploads: () => number;
  /** "METHOD operation key" for each request, in order. */
  log: string[];
  close: () => Promise<void>;
};

type Upload = { id: string; target: string; contentType: string; parts: Map<number, Buffer> };

export async function startFakeS3(): Promise<FakeS3> {
  const objects = new Map<string, FakeObject>();
  const uploads = new Map<string, Upload>();
  const log: string[] = [];

  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      try {
        handle(request, Buffer.concat(chunks), response);
      } catch (error) {
        sendError(response, 500, "InternalError", String(error));
      }
    });
  });

  function handle(request: http.IncomingMessage, body: Buffer, response: http.ServerResponse) {
    const url = new URL(request.url ?? "/", "http://fake-s3");
    const segments = url.pathname.split("/").slice(1).map(decodeURIComponent);
    const target = segments.join("/");
    const method = request.method ?? "GET";
    const uploadId = url.searchParams.get("uploadId");
    const header = (name: string) => request.headers[name]?.toString();
    if (segments.length < 2 || !segments[1])
      return sendError(response, 400, "InvalidRequest", "only object requests are served");
    if (header("content-encoding")?.includes("aws-chunked"))
      return sendError(response, 501, "NotImplemented", "aws-chunked bodies");

    if (method === "POST" && url.searchParams.has("uploads")) {
      const id = randomUUID();
      uploads.set(id, {
        id,
        target,
        contentType: header("content-type") ?? "binary/octet-stream",
        parts: new Map(),
      });
      log.push(`POST CreateMultipartUpload ${target}`);
      return sendXml(
        response,
        200,
        `<InitiateMultipartUploadResult><Bucket>${segments[0]}</Bucket><Key>${segments.slice(1).join("/")}</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`,
      );
    }
    if (uploadId !== null) {
      const upload = uploads.get(uploadId);
      if (!upload || upload.target !== target)
        return sendError(response, 404, "NoSuchUpload", "no such upload");
      if (method === "PUT") {
        const partNumber = Number(url.searchParams.get("partNumber"));
        upload.parts.set(partNumber, body);
        log.push(`PUT UploadPart ${target}`);
        response.writeHead(200, { ETag: etagOf(body) }).end();
        return;
      }
      if (method === "POST") {
        const numbers = [...body.toString("utf8").matchAll(/<PartNumber>(\d+)<\/PartNumber>/g)]
          .map((match) => Number(match[1]))
          .sort((a, b) => a - b);
        const parts = numbers.map((n) => upload.parts.get(n));
        if (parts.some((part) => !part))
          return sendError(response, 400, "InvalidPart", "a listed part was not uploaded");
        const joined = Buffer.concat(parts as Buffer[]);
        uploads.delete(uploadId);
        objects.set(target, store(joined, upload.contentType));
        log.push(`POST CompleteMultipartUpload ${target}`);
        return sendXml(
          response,
          200,
          `<CompleteMultipartUploadResult><Key>${segments.slice(1).join("/")}</Key><ETag>${objects.get(target)?.etag}</ETag></CompleteMultipartUploadResult>`,
        );
      }
      if (method === "DELETE") {
        uploads.delete(uploadId);
        log.push(`DELETE AbortMultipartUpload ${target}`);
        response.writeHead(204).end();
        return;
      }
    }

    const copySource = header("x-amz-copy-source");
    if (method === "PUT" && copySource) {
      const source = decodeURIComponent(copySource.split("?")[0] ?? "").replace(/^\//, "");
      const original = objects.get(source);
      if (!original) return sendError(response, 404, "NoSuchKey", "copy source not found");
      const copy = store(original.body, original.contentType);
      objects.set(target, copy);
      log.push(`PUT CopyObject ${target}`);
      return sendXml(
        response,
        200,
        `<CopyObjectResult><ETag>${copy.etag}</ETag><LastModified>${copy.modified.toISOString()}</LastModified></CopyObjectResult>`,
      );
    }
    if (method === "PUT") {
      objects.set(target, store(body, header("content-type") ?? "binary/octet-stream"));
      log.push(`PUT PutObject ${target}`);
      response.writeHead(200, { ETag: objects.get(target)?.etag }).end();
      return;
    }
    if (method === "DELETE") {
      objects.delete(target);
      log.push(`DELETE DeleteObject ${target}`);
      response.writeHead(204).end();
      return;
    }

    const object = objects.get(target);
    log.push(`${method} ${method === "HEAD" ? "HeadObject" : "GetObject"} ${target}`);
    if (!object) {
      if (method === "HEAD") return void response.writeHead(404).end();
      return sendError(response, 404, "NoSuchKey", "The specified key does not exist.");
    }
    const headers = {
      "Content-Type": object.contentType,
      ETag: object.etag,
      "Last-Modified": object.modified.toUTCString(),
      "Accept-Ranges": "bytes",
    };
    const total = object.body.length;
    const range = /^bytes=(\d+)-(\d*)$/.exec(header("range") ?? "");
    if (range && method === "GET") {
      const start = Number(range[1]);
      const end = Math.min(range[2] ? Number(range[2]) : total - 1, total - 1);
      if (start >= total || end < start)
        return sendError(response, 416, "InvalidRange", "The requested range is not satisfiable");
      response.writeHead(206, {
        ...headers,
        "Content-Length": end - start + 1,
        "Content-Range": `bytes ${start}-${end}/${total}`,
      });
      response.end(object.body.subarray(start, end + 1));
      return;
    }
    response.writeHead(200, { ...headers, "Content-Length": total });
    response.end(method === "HEAD" ? undefined : object.body);
  }

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    objects,
    pendingUploads: () => uploads.size,
    log,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function store(body: Buffer, contentType: string): FakeObject {
  return { body, contentType, etag: etagOf(body), modified: new Date() };
}

function etagOf(body: Buffer): string {
  return `"${createHash("md5").update(body).digest("hex")}"`;
}

function sendXml(response: http.ServerResponse, status: number, xml: string) {
  response.writeHead(status, { "Content-Type": "application/xml" });
  response.end(`<?xml version="1.0" encoding="UTF-8"?>\n${xml}`);
}

function sendError(response: http.ServerResponse, status: number, code: string, message: string) {
  sendXml(response, status, `<Error><Code>${code}</Code><Message>${message}</Message></Error>`);
}
