import { NextResponse } from "next/server";
import { accessFor } from "@/lib/eachlabs/access";
import { userHandler } from "@/lib/http/handler";
import { listCategories } from "@/lib/workflows/client";
import { workflowError } from "@/lib/workflows/errors";

/** each::workflows' categories, for the editor's picker. */
export const GET = userHandler(async (_request, _context, user) => {
  try {
    const categories = await listCategories(await accessFor(user.id));
    return NextResponse.json(
      { categories },
      { headers: { "Cache-Control": "private, max-age=300" } },
    );
  } catch (error) {
    throw workflowError(error);
  }
});
