import { NextResponse } from "next/server";
import { readOptionalJson, userHandler } from "@/lib/http/handler";
import { stopConversationStreams } from "@/lib/sense/stop-stream";
import { stopStreamSchema } from "@/lib/shared/sense-schemas";

/** Stops the chat's streaming answer (`{messageId?}`); what arrived is kept. */
export const POST = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = stopStreamSchema.parse(await readOptionalJson(request));
  const messages = await stopConversationStreams(user.id, id, body.messageId);
  return NextResponse.json({ messages });
});
