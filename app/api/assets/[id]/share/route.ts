import { NextResponse } from "next/server";
import { shareAsset, unshareAssets } from "@/lib/gallery/actions";
import { findAsset } from "@/lib/gallery/queries";
import { shareSchema } from "@/lib/gallery/schemas";
import { readOptionalJson, userHandler } from "@/lib/http/handler";

/** Makes (or remakes, with a new id) the public page; `keepExisting` only updates its options. */
export const POST = userHandler<{ id: string }>(async (request, context, user) => {
  const { id } = await context.params;
  const body = shareSchema.parse(await readOptionalJson(request));
  await shareAsset(user.id, id, body);
  return NextResponse.json({ asset: await findAsset(user.id, id) });
});

/** Unshare: the public page answers 404 from now on. */
export const DELETE = userHandler<{ id: string }>(async (_request, context, user) => {
  const { id } = await context.params;
  await unshareAssets(user.id, [id]);
  return NextResponse.json({ asset: await findAsset(user.id, id) });
});
