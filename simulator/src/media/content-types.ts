const BY_EXTENSION: Record<string, string> = {
  png: "image/png",
  jpg: "image/jpeg",
  jpeg: "image/jpeg",
  webp: "image/webp",
  gif: "image/gif",
  mp4: "video/mp4",
  webm: "video/webm",
  mov: "video/quicktime",
  wav: "audio/wav",
  mp3: "audio/mpeg",
  m4a: "audio/mp4",
  ogg: "audio/ogg",
  txt: "text/plain; charset=utf-8",
  json: "application/json",
  bin: "application/octet-stream",
};

export function contentTypeFor(extension: string): string {
  return BY_EXTENSION[extension.toLowerCase()] ?? "application/octet-stream";
}

/** The file extension for an uploaded content type; unknown types are stored as .bin. */
export function extensionFor(contentType: string): string {
  const bare = contentType.split(";")[0]?.trim().toLowerCase() ?? "";
  if (bare === "audio/x-wav" || bare === "audio/wave") return "wav";
  const found = Object.entries(BY_EXTENSION).find(
    ([extension, type]) => type.split(";")[0] === bare && extension !== "jpeg",
  );
  return found?.[0] ?? "bin";
}
