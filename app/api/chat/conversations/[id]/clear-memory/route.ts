import { NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { clearConversationMemory } from "@/lib/sense/conversations";

/** each::sense forgets the chat; our messages stay, followed by a note (the returned message). */
export const POST = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  const message = await clearConversationMemory(user.id, id);
  return NextResponse.json({ message }, { status: 201 });
});
