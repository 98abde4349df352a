import "server-only";
import { parseSseData, type SenseEvent } from "../shared/sense-events";
import {
  endReason,
  finishMessage,
  initialMessageState,
  reduceEvent,
  type SenseMessageState,
} from "../shared/sense-reducer";
import type { ChatStreamMessage } from "../shared/sense-types";
import { recordChatMedia, saveChatMedia, type ChatMediaInput } from "./chat-media";
import { MessageWriter } from "./message-writer";
import { readUpstreamSse } from "./read-sse";

/** Events the page must find in the database even if the server dies right after. */
const URGENT = new Set<SenseEvent["type"]>([
  "generation_response",
  "clarification_needed",
  "workflow_created",
  "execution_started",
  "complete",
  "error",
]);

function modelOf(event: SenseEvent): string | null {
  const model =
    event.type === "generation_response" || event.type === "complete"
      ? (event as { model?: unknown }).model
      : undefined;
  return typeof model === "string" && model ? model : null;
}

export type RelayStreamInput = {
  ids: { conversationId: string; userMessageId: string; messageId: string };
  userId: string;
  /** The user's message: the prompt of the media's gallery assets. */
  prompt: string;
  mediaInputs: ChatMediaInput["inputs"];
  body: ReadableStream<Uint8Array>;
  controller: AbortController;
  idleMs: number;
  send: (message: ChatStreamMessage) => void;
};

/**
 * The relay proper: each upstream event is parsed, folded into the message, sent on at once
 * and persisted (batched); media URLs are recorded and copied in the background. Resolves
 * with the final state once it is written and `done` sent; `media` settles when the copies
 * are over.
 */
export async function relayStream(
  input: RelayStreamInput,
): Promise<{ state: SenseMessageState; media: Promise<void> }> {
  const { ids, controller, send } = input;
  let state = initialMessageState();
  const writer = new MessageWriter(ids.messageId, () => controller.abort("stopped"));

  let recording: Promise<void> = Promise.resolve();
  const copies: Promise<void>[] = [];
  const addMedia = (rows: ChatMediaInput[]) => {
    recording = recording
      .then(() => recordChatMedia(rows))
      .then(() => void copies.push(saveChatMedia(ids.messageId)))
      .catch((error: unknown) => console.error("chat: recording media failed", error));
  };

  const onEvent = (event: SenseEvent) => {
    if (event.type === "unknown" && event.reason === "malformed")
      console.warn("chat: each::sense sent a chunk that is not JSON; going on", ids.messageId);
    const seq = state.events.length;
    const known = state.generations.length;
    state = reduceEvent(state, event);
    send({ type: "event", seq, event });
    writer.update(state, URGENT.has(event.type));
    if (state.generations.length > known) {
      const modelSlug = modelOf(event);
      addMedia(
        state.generations.slice(known).map((url, index) => ({
          messageId: ids.messageId,
          userId: input.userId,
          position: known + index,
          url,
          modelSlug,
          prompt: input.prompt,
          inputs: input.mediaInputs,
        })),
      );
    }
  };

  send({ type: "message", ...ids });
  const end = await readUpstreamSse(input.body, {
    idleMs: input.idleMs,
    controller,
    onData: (data) => {
      const parsed = parseSseData(data);
      if (parsed.kind === "events") parsed.events.forEach(onEvent);
    },
  });
  state = finishMessage(state, end);
  await writer.finish(state).catch((error: unknown) => {
    // The sweeper will mark the row interrupted; the browser still hears how it ended.
    console.error("chat: writing the final message failed", ids.messageId, error);
  });
  const reason = endReason(state, end);
  send({
    type: "done",
    status: state.status === "streaming" ? "interrupted" : state.status,
    ...(reason ? { reason } : {}),
    ...(state.error ? { error: state.error } : {}),
  });
  const media = recording.then(() => Promise.all(copies)).then(() => undefined);
  return { state, media };
}
