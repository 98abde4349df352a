// Shapes of gallery assets as the browser sees them. Browser-safe.
import type { AssetKind } from "./media-kind";

/** Previews made on the server when an asset is saved (storage keys never leave the server). */
export type AssetPreviews = {
  /** Thumbnail storage keys by width in pixels (WebP). */
  thumbs?: Partial<Record<"256" | "640", string>>;
  /** A video's poster frame (storage key, WebP). */
  poster?: string;
  /** An audio file's loudness peaks, 0–1, about 100 of them. */
  waveform?: number[];
};

/** One gallery item as the browser sees it (GET /api/assets, /api/assets/:id). */
export type AssetView = {
  id: string;
  kind: AssetKind;
  contentType: string;
  byteSize: number;
  source: "run" | "chat" | "workflow";
  modelSlug: string | null;
  prompt: string | null;
  title: string | null;
  inputs: Record<string, unknown> | null;
  cost: number | null;
  favorite: boolean;
  createdAt: string;
  width: number | null;
  height: number | null;
  durationMs: number | null;
  runId: string | null;
  /** The full file (our route; owner only). */
  fileUrl: string;
  /** The same, as a download with a readable file name. */
  downloadUrl: string;
  /** A small picture for grids (image thumbnail or video poster), when one exists. */
  thumbUrl: string | null;
  /** A larger picture for cards and share previews. */
  previewUrl: string | null;
  waveform: number[] | null;
  share: { url: string; hidePrompt: boolean } | null;
};

export type AssetPage = { assets: AssetView[]; nextCursor: string | null };
