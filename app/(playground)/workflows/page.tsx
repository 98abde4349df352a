import type { Metadata } from "next";
import { WorkflowsHome } from "@/components/workflows/workflows-home";
import { requireUser } from "@/lib/auth/session";
import { allSteps } from "@/lib/shared/workflow-types";
import { WORKFLOW_EXAMPLES } from "@/lib/workflows/examples";
import { listWorkflows } from "@/lib/workflows/manage";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  const user = await requireUser("/workflows");
  const workflows = await listWorkflows(user.id);
  const examples = WORKFLOW_EXAMPLES.map((example) => ({
    id: example.id,
    name: example.name,
    description: example.description,
    stepCount: allSteps(example.definition).length,
  }));
  return <WorkflowsHome initialWorkflows={workflows} examples={examples} />;
}
