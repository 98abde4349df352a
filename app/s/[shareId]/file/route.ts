import { sharedAssetFile } from "@/lib/gallery/asset-files";
import { serveStoredFile } from "@/lib/http/serve-file";
import { mediaStore } from "@/lib/storage";

type Context = { params: Promise<{ shareId: string }> };

/** A shared asset's file, for its public page and unfurled previews. 404 once unshared. */
async function serve(request: Request, context: Context) {
  const asset = await sharedAssetFile((await context.params).shareId);
  if (!asset) return new Response("Not found.", { status: 404 });
  return serveStoredFile(
    mediaStore(),
    {
      key: asset.storageKey,
      contentType: asset.contentType,
      cacheControl: "public, max-age=0, must-revalidate",
    },
    request,
  );
}

export { serve as GET, serve as HEAD };
