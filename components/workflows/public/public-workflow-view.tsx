import Link from "next/link";
import type { PublicWorkflowView as SharedWorkflow } from "@/lib/shared/workflow-api";
import { allSteps } from "@/lib/shared/workflow-types";
import { Alert } from "../../ui/alert";
import { Card } from "../../ui/card";
import { WorkflowGraph } from "../editor/workflow-graph";
import { publicPagePath } from "./public-path";
import { PublicRunForm } from "./public-run-form";

/** A shared workflow version as anyone sees it: what it does, its graph, its inputs. */
export function PublicWorkflowView({
  workflow,
  signedIn,
}: {
  workflow: SharedWorkflow;
  signedIn: boolean;
}) {
  const steps = workflow.definition ? allSteps(workflow.definition).length : 0;
  const page = publicPagePath(workflow);
  return (
    <div className="space-y-6">
      <header className="space-y-2">
        <p className="text-sm text-muted-foreground">
          A workflow shared by{" "}
          <span className="font-medium text-foreground">@{workflow.nickname}</span>
        </p>
        <div className="flex flex-wrap items-center gap-2">
          <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{workflow.name}</h1>
          {workflow.categories.map((category) => (
            <span
              key={category}
              className="rounded-full bg-accent px-2 py-0.5 text-xs text-accent-foreground"
            >
              {category}
            </span>
          ))}
        </div>
        <p className="font-mono text-sm text-muted-foreground">
          {workflow.slug} · {workflow.versionId} · {steps} {steps === 1 ? "step" : "steps"}
        </p>
        {workflow.description ? (
          <p className="max-w-3xl text-muted-foreground">{workflow.description}</p>
        ) : null}
      </header>
      {!signedIn ? (
        <Alert tone="info">
          Fill in the inputs freely; running it needs an account and runs on your own credits.{" "}
          <Link
            href={`/signin?callbackUrl=${encodeURIComponent(page)}`}
            className="font-medium text-primary underline"
          >
            Sign in
          </Link>{" "}
          or{" "}
          <Link
            href={`/signup?callbackUrl=${encodeURIComponent(page)}`}
            className="font-medium text-primary underline"
          >
            create an account
          </Link>
          .
        </Alert>
      ) : null}
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[minmax(0,2fr)_minmax(0,3fr)] lg:items-start">
        <Card className="space-y-4 p-4 sm:p-5">
          <h2 className="text-lg font-semibold">Inputs</h2>
          <PublicRunForm
            reference={workflow}
            inputSchema={workflow.definition?.input_schema}
            signedIn={signedIn}
          />
        </Card>
        <section aria-labelledby="graph-heading" className="min-w-0 space-y-3">
          <h2 id="graph-heading" className="text-lg font-semibold">
            How it works
          </h2>
          <WorkflowGraph definition={workflow.definition} />
        </section>
      </div>
    </div>
  );
}
