import { NextResponse } from "next/server";
import { deleteAssets, updateAsset } from "@/lib/gallery/actions";
import { findAsset } from "@/lib/gallery/queries";
import { updateAssetSchema } from "@/lib/gallery/schemas";
import { readJson, userHandler } from "@/lib/http/handler";
import { AppError } from "@/lib/shared/errors";

async function ownAsset(userId: string, id: string) {
  const asset = await findAsset(userId, id);
  if (!asset) throw new AppError("not_found:asset", "This item is not in your gallery.");
  return asset;
}

export const GET = userHandler<{ id: string }>(async (_request, context, user) => {
  return NextResponse.json({ asset: await ownAsset(user.id, (await context.params).id) });
});

/** Favourite, or rename (set a caption). */
export const PATCH = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  await updateAsset(user.id, id, updateAssetSchema.parse(await readJson(request)));
  return NextResponse.json({ asset: await ownAsset(user.id, id) });
});

/** Deletes with a window for undo (POST …/restore). */
export const DELETE = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  if ((await deleteAssets(user.id, [id])) === 0)
    throw new AppError("not_found:asset", "This item is not in your gallery.");
  return NextResponse.json({ deleted: [id] });
});
