// What kind of media a file is, from its content type or, failing that, its name.

export type AssetKind = "image" | "video" | "audio" | "text" | "file";

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
  txt: "text/plain",
  json: "application/json",
  glb: "model/gltf-binary",
};

const EXTENSION_BY_TYPE: Record<string, string> = {
  ...Object.fromEntries(
    Object.entries(BY_EXTENSION)
      .filter(([ext]) => ext !== "jpeg")
      .map(([ext, type]) => [type, ext]),
  ),
  // Other names servers use for the same formats.
  "audio/x-wav": "wav",
  "audio/wave": "wav",
  "audio/mp3": "mp3",
  "image/jpg": "jpg",
};

export function contentTypeFromName(name: string): string | undefined {
  const ext = /\.([a-z0-9]+)(?:[?#].*)?$/i.exec(name)?.[1]?.toLowerCase();
  return ext ? BY_EXTENSION[ext] : undefined;
}

export function extensionFor(contentType: string): string {
  return EXTENSION_BY_TYPE[contentType.split(";")[0]!.trim().toLowerCase()] ?? "bin";
}

export function kindOf(contentType: string): AssetKind {
  const type = contentType.split(";")[0]!.trim().toLowerCase();
  if (type.startsWith("image/")) return "image";
  if (type.startsWith("video/")) return "video";
  if (type.startsWith("audio/")) return "audio";
  if (type.startsWith("text/") || type === "application/json") return "text";
  return "file";
}
