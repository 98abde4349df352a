"use client";

import type { ReactNode } from "react";
import type { ListPath } from "./step-path";
import { StepList } from "./step-list";

/** One branch of a parallel or choice step: its title, actions and its own step list. */
export function BranchColumn({
  title,
  subtitle,
  actions,
  path,
  label,
}: {
  /** The branch's name, for the list and its "Add step" button. */
  label: string;
  title: ReactNode;
  subtitle?: string;
  actions?: ReactNode;
  path: ListPath;
}) {
  return (
    <section className="min-w-0 space-y-3 rounded-lg border border-dashed border-border bg-muted/30 p-2.5 sm:p-3">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <div className="min-w-0">
          {title}
          {subtitle ? <p className="text-xs text-muted-foreground">{subtitle}</p> : null}
        </div>
        {actions}
      </header>
      <StepList path={path} label={label} />
    </section>
  );
}
