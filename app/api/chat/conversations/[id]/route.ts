import { after, NextResponse } from "next/server";
import { readJson, userHandler } from "@/lib/http/handler";
import {
  deleteConversation,
  forgetUpstreamSession,
  getConversation,
  updateConversation,
} from "@/lib/sense/conversations";
import { updateConversationSchema } from "@/lib/shared/sense-schemas";

/** The chat with every message and its events; poll it while a message is `streaming`. */
export const GET = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  const conversation = await getConversation(user.id, id);
  return NextResponse.json({ conversation }, { headers: { "Cache-Control": "no-store" } });
});

/** Rename, or change the settings of the next messages: `{title?, mode?, behavior?, webSearch?}`. */
export const PATCH = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = updateConversationSchema.parse(await readJson(request));
  const conversation = await updateConversation(user.id, id, body);
  return NextResponse.json({ conversation });
});

/** Deletes the chat (its media stay in the gallery); each::sense forgets it in the background. */
export const DELETE = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  const { upstreamSessionId } = await deleteConversation(user.id, id);
  after(() => forgetUpstreamSession(user.id, upstreamSessionId));
  return new NextResponse(null, { status: 204 });
});
