// What the person has typed (and attached) per chat, kept outside the composer: a first
// message typed on /chat moves with them to the new chat's page, and text is cleared only
// once the server has accepted the message, so a refused send keeps it.

export type DraftImage = { url: string; name: string; previewUrl: string | null };
export type Draft = { content: string; images: DraftImage[] };

/** The draft of the page that has no chat yet. */
export const NEW_CHAT_DRAFT = "new";

const drafts = new Map<string, Draft>();
type Listener = (sentContent: string) => void;
const listeners = new Map<string, Set<Listener>>();

export function readDraft(key: string): Draft | undefined {
  return drafts.get(key);
}

export function saveDraft(key: string, draft: Draft): void {
  if (!draft.content && draft.images.length === 0) drafts.delete(key);
  else drafts.set(key, draft);
}

/**
 * Accepted messages no composer has heard of yet: a composer mounting for a new chat may
 * have read its draft just before the acceptance, and must still empty.
 */
const unheard = new Map<string, string>();

/** The message was accepted: its composer empties unless the text changed meanwhile. */
export function clearSentDraft(key: string, sentContent: string): void {
  const draft = drafts.get(key);
  if (draft?.content.trim() === sentContent.trim()) drafts.delete(key);
  const heard = listeners.get(key);
  if (!heard?.size) unheard.set(key, sentContent);
  for (const listener of heard ?? []) listener(sentContent);
}

/** The accepted text of `key` a composer missed while mounting, once. */
export function takeUnheardClear(key: string): string | undefined {
  const sent = unheard.get(key);
  unheard.delete(key);
  return sent;
}

/** Calls `listener` with the text of each accepted message of `key`. */
export function subscribeDrafts(key: string, listener: Listener): () => void {
  const set = listeners.get(key) ?? new Set<Listener>();
  listeners.set(key, set);
  set.add(listener);
  return () => {
    set.delete(listener);
  };
}

/** Local previews of uploaded images, so the sent message shows them without fetching. */
const previews = new Map<string, string>();

export function rememberPreview(url: string, previewUrl: string | null): void {
  if (previewUrl) previews.set(url, previewUrl);
}

export function previewOf(url: string): string | undefined {
  return previews.get(url);
}
