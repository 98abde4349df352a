import { NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { getMessage } from "@/lib/sense/conversations";
import { messageStateQuery } from "@/lib/shared/sense-schemas";

/**
 * One message as stored so far: `status` says whether it is still streaming (on this or
 * another instance); `?after=N` leaves out the first N events, which the page already has.
 */
export const GET = userHandler<{ id: string; messageId: string }>(
  async (request, context, user) => {
    const { id, messageId } = await context.params;
    const query = messageStateQuery.parse(Object.fromEntries(new URL(request.url).searchParams));
    const message = await getMessage(user.id, id, messageId, query.after);
    return NextResponse.json(
      { message, eventsFrom: query.after ?? 0 },
      { headers: { "Cache-Control": "no-store" } },
    );
  },
);
