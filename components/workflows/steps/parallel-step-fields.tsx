"use client";

import { useId } from "react";
import type { WorkflowStep } from "@/lib/shared/workflow-types";
import { cn } from "@/lib/shared/cn";
import { SmallButton } from "../small-button";
import { Button } from "../../ui/button";
import { BranchColumn } from "./branch-column";
import { useEditor } from "./editor-context";
import { compactInputClass } from "./field-classes";
import { addBranch, removeBranch, updateBranch } from "./step-list-ops";
import type { ListPath } from "./step-path";
import { PlusIcon } from "../../ui/icons";

/** A parallel step: its branches side by side, each with its own steps. */
export function ParallelStepFields({
  step,
  path,
  index,
}: {
  step: WorkflowStep;
  path: ListPath;
  index: number;
}) {
  const { update } = useEditor();
  const id = useId();
  const branches = Array.isArray(step.branches) ? step.branches : [];
  return (
    <div className="space-y-3">
      <div
        className={cn(
          "grid gap-3",
          branches.length > 1 && "md:grid-cols-2",
          branches.length > 2 && "2xl:grid-cols-3",
        )}
      >
        {branches.map((branch, b) => (
          <BranchColumn
            key={b}
            label={branch.name || `Branch ${b + 1}`}
            path={[...path, { step: index, branch: { kind: "parallel", index: b } }]}
            title={
              <div className="flex items-center gap-2">
                <label htmlFor={`${id}-${b}`} className="sr-only">
                  Branch {b + 1} name
                </label>
                <input
                  id={`${id}-${b}`}
                  value={branch.name ?? ""}
                  placeholder={`Branch ${b + 1}`}
                  onChange={(event) =>
                    update((d) =>
                      updateBranch(d, path, index, { kind: "parallel", index: b }, (br) => ({
                        ...br,
                        name: event.target.value,
                      })),
                    )
                  }
                  className={`${compactInputClass} font-medium`}
                />
              </div>
            }
            actions={
              branches.length > 1 ? (
                <SmallButton
                  tone="danger"

                  onClick={() => update((d) => removeBranch(d, path, index, b))}
                >
                  Remove branch
                </SmallButton>
              ) : null
            }
          />
        ))}
      </div>
      <Button
        variant="secondary"
        size="sm"
        onClick={() => update((d) => addBranch(d, path, index))}
      >
        <PlusIcon width={16} height={16} />
        Add branch
      </Button>
    </div>
  );
}
