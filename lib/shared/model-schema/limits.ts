// The platform's input limits, from the API reference ("Input Validation Limits") and the
// storage docs (100 MB per upload). One place, so the form, the drop zone and the server agree.

export const PROMPT_MAX_CHARS = 10_000;

/** "Images per request: Max 4", counted over every image field of one input. */
export const MAX_IMAGES_PER_REQUEST = 4;

/** each::storage refuses bigger uploads, whatever the media limit says. */
export const UPLOAD_MAX_BYTES = 100 * 1024 * 1024;

export type UploadKind = "image" | "video" | "audio" | "file";

export type MediaLimit = {
  /** What the user reads: "JPEG, PNG, WebP or GIF". */
  formats: string;
  mimeTypes: readonly string[];
  /** File name endings, for files whose browser-reported type is empty. */
  extensions: readonly string[];
  maxBytes: number;
};

const MB = 1024 * 1024;

export const MEDIA_LIMITS: Record<Exclude<UploadKind, "file">, MediaLimit> = {
  image: {
    formats: "JPEG, PNG, WebP or GIF",
    mimeTypes: ["image/jpeg", "image/png", "image/webp", "image/gif"],
    extensions: [".jpg", ".jpeg", ".png", ".webp", ".gif"],
    maxBytes: 20 * MB,
  },
  video: {
    formats: "MP4, WebM or MOV",
    mimeTypes: ["video/mp4", "video/webm", "video/quicktime"],
    extensions: [".mp4", ".webm", ".mov"],
    maxBytes: 500 * MB,
  },
  audio: {
    formats: "MP3, WAV, M4A or OGG",
    mimeTypes: [
      "audio/mpeg",
      "audio/mp3",
      "audio/wav",
      "audio/x-wav",
      "audio/wave",
      "audio/mp4",
      "audio/x-m4a",
      "audio/m4a",
      "audio/aac",
      "audio/ogg",
    ],
    extensions: [".mp3", ".wav", ".m4a", ".ogg"],
    maxBytes: 50 * MB,
  },
};

/** The `accept` attribute of a file input for one kind (undefined: anything). */
export function acceptFor(kind: UploadKind): string | undefined {
  if (kind === "file") return undefined;
  const limit = MEDIA_LIMITS[kind];
  return [...limit.mimeTypes, ...limit.extensions].join(",");
}

/** "20 MB", "1.5 GB": sizes as people read them. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["KB", "MB", "GB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const rounded = value >= 10 ? Math.round(value) : Math.round(value * 10) / 10;
  return `${rounded} ${units[unit]}`;
}
