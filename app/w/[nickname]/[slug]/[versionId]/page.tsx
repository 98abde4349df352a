import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { PublicWorkflowView } from "@/components/workflows/public/public-workflow-view";
import { Alert } from "@/components/ui/alert";
import { getCurrentUser } from "@/lib/auth/session";
import { serverAccess } from "@/lib/eachlabs/access";
import type { PublicWorkflowView as SharedWorkflow } from "@/lib/shared/workflow-api";
import { getPublicVersion } from "@/lib/workflows/client";
import { workflowError } from "@/lib/workflows/errors";

type Params = { nickname: string; slug: string; versionId: string };
type Props = { params: Promise<Params> };

type Loaded = { workflow: SharedWorkflow } | { missing: true } | { failed: string };

// Read the same way as GET /api/workflows/public/:nickname/:slug/:versionId: no key needed.
const loadShared = cache(
  async (nickname: string, slug: string, versionId: string): Promise<Loaded> => {
    const ref = { nickname: decodeURIComponent(nickname).replace(/^@/, ""), slug, versionId };
    try {
      return {
        workflow: { nickname: ref.nickname, ...(await getPublicVersion(serverAccess(), ref)) },
      };
    } catch (error) {
      const mapped = workflowError(error);
      return mapped.code.startsWith("not_found") ? { missing: true } : { failed: mapped.message };
    }
  },
);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { nickname, slug, versionId } = await params;
  const loaded = await loadShared(nickname, slug, versionId);
  if (!("workflow" in loaded)) return { title: "Shared workflow", robots: { index: false } };
  return {
    title: loaded.workflow.name,
    description: loaded.workflow.description || "A workflow shared on the each::labs Playground.",
    robots: { index: false },
  };
}

/** A shared workflow version: anyone can look; running it needs sign-in. */
export default async function SharedWorkflowPage({ params }: Props) {
  const { nickname, slug, versionId } = await params;
  const [loaded, user] = await Promise.all([
    loadShared(nickname, slug, versionId),
    getCurrentUser(),
  ]);
  if ("missing" in loaded) notFound();
  if ("failed" in loaded)
    return (
      <Alert tone="error" title="This shared workflow cannot be shown right now">
        {loaded.failed}
      </Alert>
    );
  return <PublicWorkflowView workflow={loaded.workflow} signedIn={Boolean(user)} />;
}
