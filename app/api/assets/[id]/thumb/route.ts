import { getCurrentUser } from "@/lib/auth/session";
import { ownedAssetFile, parseVariant, variantOf } from "@/lib/gallery/asset-files";
import { serveStoredFile } from "@/lib/http/serve-file";
import { mediaStore } from "@/lib/storage";

type Context = { params: Promise<{ id: string }> };

/** A preview picture of a person's own asset: `?w=256` for grids, `?w=640` for cards. */
export async function GET(request: Request, context: Context) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to see this file.", { status: 401 });
  const asset = await ownedAssetFile(user.id, (await context.params).id);
  const file = asset && variantOf(asset, parseVariant(new URL(request.url).searchParams.get("w")));
  if (!file) return new Response("Not found.", { status: 404 });
  return serveStoredFile(mediaStore(), file, request);
}
