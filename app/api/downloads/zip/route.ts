import { Readable } from "node:stream";
import { zipOfAssets } from "@/lib/gallery/zip-download";
import { idsQuerySchema } from "@/lib/gallery/schemas";
import { userHandler } from "@/lib/http/handler";
import { AppError } from "@/lib/shared/errors";

/**
 * Several assets as one zip (`?ids=a,b,c`), streamed as it is built: the first bytes leave
 * at once and memory stays flat however large the files. Cancelling the download stops it.
 */
export const GET = userHandler(async (request, _context, user) => {
  const ids = idsQuerySchema.parse(new URL(request.url).searchParams.get("ids") ?? "");
  const archive = await zipOfAssets(user.id, ids, request.signal);
  if (!archive) throw new AppError("not_found:asset", "None of these items are in your gallery.");
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(Readable.toWeb(archive) as ReadableStream<Uint8Array>, {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": `attachment; filename="each-labs-playground-${stamp}-${ids.length}-items.zip"`,
      "Cache-Control": "no-store",
    },
  });
});
