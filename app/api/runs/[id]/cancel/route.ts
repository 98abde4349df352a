import { NextResponse } from "next/server";
import { userHandler } from "@/lib/http/handler";
import { cancelRun } from "@/lib/runs/cancel-run";
import { findRun } from "@/lib/runs/queries";

export const POST = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  await cancelRun(user.id, id);
  return NextResponse.json({ run: await findRun(user.id, id) });
});
