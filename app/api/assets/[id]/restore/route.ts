import { NextResponse } from "next/server";
import { restoreAssets } from "@/lib/gallery/actions";
import { findAsset } from "@/lib/gallery/queries";
import { userHandler } from "@/lib/http/handler";
import { AppError } from "@/lib/shared/errors";

/** Undo a delete, while its window is open. */
export const POST = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  if ((await restoreAssets(user.id, [id])) === 0)
    throw new AppError("not_found:asset", "This item can no longer be restored.");
  return NextResponse.json({ asset: await findAsset(user.id, id) });
});
