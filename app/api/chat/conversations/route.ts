import { NextResponse } from "next/server";
import { readOptionalJson, userHandler } from "@/lib/http/handler";
import { createConversation, listConversations } from "@/lib/sense/conversations";
import { createConversationSchema, listConversationsQuery } from "@/lib/shared/sense-schemas";

/** The person's chats, most recent activity first: `?limit=50&before=<conversationId>`. */
export const GET = userHandler(async (request, _context, user) => {
  const query = listConversationsQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
  const conversations = await listConversations(user.id, query);
  return NextResponse.json(
    {
      conversations,
      nextBefore: conversations.length === query.limit ? conversations.at(-1)?.id : null,
    },
    { headers: { "Cache-Control": "no-store" } },
  );
});

/** A new chat: `{title?, mode?, behavior?, webSearch?}`. */
export const POST = userHandler(async (request, _context, user) => {
  const body = createConversationSchema.parse(await readOptionalJson(request));
  const conversation = await createConversation(user.id, body);
  return NextResponse.json({ conversation }, { status: 201 });
});
