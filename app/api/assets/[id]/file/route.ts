import { db } from "@/lib/db";
import { getCurrentUser } from "@/lib/auth/session";
import { serveStoredFile } from "@/lib/http/serve-file";
import { mediaStore } from "@/lib/storage";

type Context = { params: Promise<{ id: string }> };

/** A person's own stored file. Someone else's id answers 404, like a missing one. */
async function serve(request: Request, context: Context) {
  const user = await getCurrentUser();
  if (!user) return new Response("Sign in to see this file.", { status: 401 });
  const { id } = await context.params;
  const asset = await db().asset.findFirst({
    where: { id, userId: user.id },
    select: { storageKey: true, contentType: true },
  });
  if (!asset) return new Response("Not found.", { status: 404 });
  return serveStoredFile(
    mediaStore(),
    { key: asset.storageKey, contentType: asset.contentType },
    request,
  );
}

export { serve as GET, serve as HEAD };
