import { after } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import { startChatTurn } from "@/lib/sense/chat-turn";
import { chatTurnResponse } from "@/lib/sense/sse-response";
import { sendMessageSchema } from "@/lib/shared/sense-schemas";

/**
 * Sends a message to each::sense and relays its answer as Server-Sent Events
 * (ChatStreamMessage in lib/shared/sense-types.ts), event by event. A refusal before the
 * stream (bad key, balance, rate limit, upstream down) answers our JSON error body instead.
 */
export const POST = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = sendMessageSchema.parse(await readJson(request));
  const turn = await startChatTurn({
    userId: user.id,
    conversationId: id,
    ...body,
    signal: request.signal,
  });
  // Media copies go on after the stream is over; `after` keeps them alive in every runtime.
  after(() => turn.settled);
  return chatTurnResponse(turn);
});
