import type { Metadata } from "next";
import { EmptyState } from "@/components/ui/empty-state";
import { WorkflowIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Workflows" };

export default async function WorkflowsPage() {
  await requireUser("/workflows");
  return (
    <div className="space-y-8">
      <PageHeader
        title="Workflows"
        description="Multi-step pipelines: build, run and inspect them."
      />
      <EmptyState icon={<WorkflowIcon width={40} height={40} />} title="Nothing here yet">
        Your workflows and their executions will appear here.
      </EmptyState>
    </div>
  );
}
