import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { WorkflowWorkspace } from "@/components/workflows/editor/workflow-workspace";
import { getCurrentUser, requireUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/catalog-cache";
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { AppError } from "@/lib/shared/errors";
import { allSteps, isRecord } from "@/lib/shared/workflow-types";
import { getWorkflowDetail } from "@/lib/workflows/manage";
import { listExecutionsOf } from "@/lib/workflows/queries";
import { loadModelSchema } from "../actions";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ version?: string }> };

const loadWorkflow = cache(async (userId: string, id: string) => {
  try {
    return await getWorkflowDetail(userId, id);
  } catch (error) {
    if (error instanceof AppError && error.code.startsWith("not_found")) return null;
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const user = await getCurrentUser();
  const workflow = user ? await loadWorkflow(user.id, (await params).id) : null;
  return { title: workflow?.name ?? "Workflow" };
}

/** The models every version uses (fallbacks too), so their forms draw without a round trip. */
function modelsUsed(definitions: unknown[]): Set<string> {
  const slugs = new Set<string>();
  for (const definition of definitions)
    if (isRecord(definition))
      for (const step of allSteps(definition)) {
        if (typeof step.model === "string") slugs.add(step.model);
        if (isRecord(step.fallback) && typeof step.fallback.model === "string")
          slugs.add(step.fallback.model);
      }
  return slugs;
}

export default async function WorkflowPage({ params, searchParams }: Props) {
  const [{ id }, { version }] = await Promise.all([params, searchParams]);
  const user = await requireUser(`/workflows/${encodeURIComponent(id)}`);
  const workflow = await loadWorkflow(user.id, id);
  if (!workflow) notFound();
  const [catalog, executions] = await Promise.all([
    getCatalog().catch(() => null),
    listExecutionsOf(user.id, { workflowId: id, limit: 20 }),
  ]);
  const schemas: Record<string, JsonSchema> = {};
  for (const slug of modelsUsed(workflow.versions.map((v) => v.definition))) {
    const model = catalog?.bySlug.get(slug);
    if (model) schemas[slug] = model.request_schema;
  }
  return (
    <WorkflowWorkspace
      initial={workflow}
      initialVersionId={version ?? null}
      initialExecutions={executions}
      models={catalog?.cards ?? []}
      initialSchemas={schemas}
      loadSchema={loadModelSchema}
    />
  );
}
