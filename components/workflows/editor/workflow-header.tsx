import Link from "next/link";
import type { WorkflowDetailView } from "@/lib/shared/workflow-api";

/** Breadcrumb, name, categories and description of a workflow. */
export function WorkflowHeader({ workflow }: { workflow: WorkflowDetailView }) {
  return (
    <header className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/workflows" className="hover:text-foreground hover:underline">
          Workflows
        </Link>{" "}
        / <span className="font-mono">{workflow.slug}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-2">
        <h1 className="text-2xl font-semibold tracking-tight break-words sm:text-3xl">
          {workflow.name}
        </h1>
        {workflow.categories.map((category) => (
          <span
            key={category}
            className="rounded-full bg-accent px-2 py-0.5 text-xs text-accent-foreground"
          >
            {category}
          </span>
        ))}
      </div>
      {workflow.description ? (
        <p className="max-w-3xl text-muted-foreground">{workflow.description}</p>
      ) : null}
    </header>
  );
}
