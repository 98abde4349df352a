import "server-only";
import type { ChatMedia, Conversation, Message } from "../generated/prisma/client";
import type { AssetKind } from "../shared/media-kind";
import { parseSenseEvent, type SenseEvent } from "../shared/sense-events";
import type {
  ChatMediaView,
  ChatMessageError,
  ChatMessageView,
  ChatSettings,
  ConversationSummary,
} from "../shared/sense-types";
import { MAX_ATTEMPTS } from "./chat-media";

/** What the browser may see of a conversation: not the upstream session id. */
export function toConversationSummary(row: Conversation): ConversationSummary {
  return {
    id: row.id,
    title: row.title,
    mode: row.mode,
    behavior: row.behavior,
    webSearch: row.webSearch,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastMessageAt: row.lastMessageAt.toISOString(),
  };
}

export type AssetSummary = { id: string; kind: string; contentType: string };

function strings(value: unknown): string[] {
  return Array.isArray(value)
    ? value.filter((item): item is string => typeof item === "string")
    : [];
}

function events(value: unknown): SenseEvent[] {
  // Stored as parsed; parsing again is cheap and keeps old rows readable if schemas change.
  return Array.isArray(value) ? value.map((item) => parseStored(item)) : [];
}

function parseStored(item: unknown): SenseEvent {
  const type =
    typeof item === "object" && item !== null ? (item as { type?: unknown }).type : undefined;
  return type === "unknown" ? (item as SenseEvent) : parseSenseEvent(item);
}

function mediaView(media: ChatMedia, assets: Map<string, AssetSummary>): ChatMediaView {
  const asset = media.assetId ? assets.get(media.assetId) : undefined;
  return {
    url: media.url,
    position: media.position,
    state: media.savedAt ? "saved" : media.attempts >= MAX_ATTEMPTS ? "failed" : "pending",
    // Null while copying, or once the person deleted it from the gallery.
    asset: asset
      ? {
          id: asset.id,
          kind: asset.kind as AssetKind,
          contentType: asset.contentType,
          fileUrl: `/api/assets/${asset.id}/file`,
        }
      : null,
  };
}

export function toMessageView(
  row: Message & { media: ChatMedia[] },
  assets: Map<string, AssetSummary>,
  fromSeq = 0,
): ChatMessageView {
  return {
    id: row.id,
    role: row.role,
    content: row.content,
    status: row.status,
    events: events(row.events).slice(fromSeq),
    attachments: strings(row.attachments),
    error: (row.error ?? null) as ChatMessageError | null,
    generations: strings(row.generations),
    media: [...row.media]
      .sort((a, b) => a.position - b.position)
      .map((media) => mediaView(media, assets)),
    settings: (row.settings ?? null) as ChatSettings | null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
