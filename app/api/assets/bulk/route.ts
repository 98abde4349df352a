import { NextResponse } from "next/server";
import { deleteAssets, restoreAssets, unshareAssets } from "@/lib/gallery/actions";
import { bulkSchema } from "@/lib/gallery/schemas";
import { readJson, userHandler } from "@/lib/http/handler";

const ACTIONS = { delete: deleteAssets, restore: restoreAssets, unshare: unshareAssets } as const;

/** One action on several selected items; only the person's own are touched. */
export const POST = userHandler(async (request, _context, user) => {
  const { action, ids } = bulkSchema.parse(await readJson(request));
  const changed = await ACTIONS[action](user.id, ids);
  return NextResponse.json({ action, changed });
});
