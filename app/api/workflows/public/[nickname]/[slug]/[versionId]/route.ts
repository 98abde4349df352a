import { NextResponse } from "next/server";
import { serverAccess } from "@/lib/eachlabs/access";
import { handler } from "@/lib/http/handler";
import { getPublicVersion } from "@/lib/workflows/client";
import { workflowError } from "@/lib/workflows/errors";
import type { PublicWorkflowView } from "@/lib/shared/workflow-api";

type Params = { nickname: string; slug: string; versionId: string };

/** A shared workflow version: anyone may look (no sign-in); 404 unless it is shared. */
export const GET = handler<Params>(async (_request, context) => {
  const { nickname, slug, versionId } = await context.params;
  const ref = { nickname: decodeURIComponent(nickname).replace(/^@/, ""), slug, versionId };
  let shared;
  try {
    shared = await getPublicVersion(serverAccess(), ref);
  } catch (error) {
    throw workflowError(error);
  }
  const workflow: PublicWorkflowView = { nickname: ref.nickname, ...shared };
  return NextResponse.json({ workflow }, { headers: { "Cache-Control": "no-store" } });
});
