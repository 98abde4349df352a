import "server-only";
import { extensionFor } from "../shared/media-kind";

// Long enough to recognise a prompt, short enough for every filesystem and a zip listing.
const MAX_NAME_LENGTH = 80;
const MAX_MODEL_LENGTH = 32;
const ID_LENGTH = 8;

export type DownloadNameInput = {
  modelSlug?: string | null;
  prompt?: string | null;
  title?: string | null;
  id: string;
  contentType: string;
};

/**
 * A readable, filesystem-safe name for a downloaded asset:
 * `<model>-<short prompt or title>-<first 8 of id>.<ext>`, ASCII only, at most 80 characters.
 * The id keeps names of assets with the same model and prompt apart.
 */
export function downloadName({
  modelSlug,
  prompt,
  title,
  id,
  contentType,
}: DownloadNameInput): string {
  const model = truncateSlug(slugify(modelSlug ?? ""), MAX_MODEL_LENGTH) || "asset";
  const shortId = slugify(id).replace(/-/g, "").slice(0, ID_LENGTH);
  const extension = extensionFor(contentType);
  const dashes = shortId ? 2 : 1;
  const room = MAX_NAME_LENGTH - model.length - shortId.length - dashes - extension.length - 1;
  const words = truncateSlug(slugify(prompt ?? "") || slugify(title ?? ""), room);
  const stem = [model, words, shortId].filter(Boolean).join("-");
  return `${stem}.${extension}`;
}

/**
 * An RFC 6266 Content-Disposition value: an ASCII `filename` for old clients and the exact
 * name as RFC 8187 `filename*` for the rest.
 */
export function contentDisposition(
  name: string,
  disposition: "attachment" | "inline" = "attachment",
): string {
  const safe = safeFileName(name);
  const ascii = safe
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\x20-\x7e]/g, "_")
    .replace(/["\\]/g, "_");
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(safe)}`;
}

/** Drops what no filesystem should get from a download: separators and control characters. */
function safeFileName(name: string): string {
  const cleaned = name
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, "")
    .replace(/[/\\]/g, "_")
    .trim()
    .replace(/^\.+/, "");
  return cleaned || "download";
}

/** Lowercase ASCII words joined by dashes; accents are kept as their base letter. */
function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Cuts a slug to `max` characters, at a word boundary when one is near. */
function truncateSlug(slug: string, max: number): string {
  if (max <= 0) return "";
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash >= max / 2 ? cut.slice(0, lastDash) : cut).replace(/-+$/, "");
}

/** Percent-encodes everything outside RFC 8187's attr-char set. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
