import { getCurrentUser } from "@/lib/auth/session";
import { ownedAssetFile } from "@/lib/gallery/asset-files";
import { contentDisposition, downloadName } from "@/lib/gallery/download-name";
import { serveStoredFile } from "@/lib/http/serve-file";
import { mediaStore } from "@/lib/storage";

type Context = { params: Promise<{ id: string }> };

/**
 * A person's own stored file; `?download=1` makes it a download with a readable name.
 * Someone else's id answers 404, like a missing one.
 */
async function serve(request: Request, context: Context) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to see this file.", { status: 401 });
  const { id } = await context.params;
  const asset = await ownedAssetFile(user.id, id);
  if (!asset) return new Response("Not found.", { status: 404 });
  const response = await serveStoredFile(
    mediaStore(),
    { key: asset.storageKey, contentType: asset.contentType },
    request,
  );
  if (new URL(request.url).searchParams.get("download")) {
    response.headers.set(
      "Content-Disposition",
      contentDisposition(downloadName({ ...asset, id: asset.id })),
    );
  }
  return response;
}

export { serve as GET, serve as HEAD };
