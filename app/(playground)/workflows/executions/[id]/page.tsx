import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ExecutionView } from "@/components/workflows/execution/execution-view";
import { requireUser } from "@/lib/auth/session";
import { findExecution } from "@/lib/workflows/queries";

export const metadata: Metadata = { title: "Workflow run" };

type Props = { params: Promise<{ id: string }> };

export default async function ExecutionPage({ params }: Props) {
  const { id } = await params;
  const user = await requireUser(`/workflows/executions/${encodeURIComponent(id)}`);
  const execution = await findExecution(user.id, id);
  if (!execution) notFound();
  return <ExecutionView initial={execution} />;
}
