import { parseVariant, sharedAssetFile, variantOf } from "@/lib/gallery/asset-files";
import { serveStoredFile } from "@/lib/http/serve-file";
import { mediaStore } from "@/lib/storage";

type Context = { params: Promise<{ shareId: string }> };

/** A shared asset's preview picture (Open Graph cards point here). 404 once unshared. */
export async function GET(request: Request, context: Context) {
  const asset = await sharedAssetFile((await context.params).shareId);
  const file = asset && variantOf(asset, parseVariant(new URL(request.url).searchParams.get("w")));
  if (!file) return new Response("Not found.", { status: 404 });
  // Revalidated every time: unsharing must take effect at once, also in caches.
  return serveStoredFile(
    mediaStore(),
    { ...file, cacheControl: "public, max-age=0, must-revalidate" },
    request,
  );
}
