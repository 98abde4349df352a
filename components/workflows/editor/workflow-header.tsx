"use client";

import Link from "next/link";
import { useState } from "react";
import type { WorkflowDetailView } from "@/lib/shared/workflow-api";
import { useToast } from "../../gallery/toast-context";
import { SmallButton } from "../small-button";
import { WorkflowDetailsForm } from "./workflow-details-form";

/** Breadcrumb, name, categories and description of a workflow, with "Edit details". */
export function WorkflowHeader({ workflow }: { workflow: WorkflowDetailView }) {
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  return (
    <header className="space-y-2">
      <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
        <Link href="/workflows" className="hover:text-foreground hover:underline">
          Workflows
        </Link>{" "}
        / <span className="font-mono">{workflow.slug}</span>
      </nav>
      {editing ? (
        <WorkflowDetailsForm
          workflow={workflow}
          onDone={(saved) => {
            setEditing(false);
            if (saved) toast.show({ message: "Details saved.", tone: "success" });
          }}
        />
      ) : (
        <>
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
            <SmallButton tone="outline" onClick={() => setEditing(true)}>
              Edit details
            </SmallButton>
          </div>
          {workflow.description ? (
            <p className="max-w-3xl text-muted-foreground">{workflow.description}</p>
          ) : null}
        </>
      )}
    </header>
  );
}
