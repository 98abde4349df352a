import Link from "next/link";
import type { BulkRowResult } from "@/lib/shared/workflow-api";
import { ExecutionStatusBadge } from "../execution-status-badge";
import { executionHref } from "../workflow-cache";

/** How one bulk row went: a link to its execution, or what was wrong with it. */
export function BulkResult({ result }: { result: BulkRowResult }) {
  if (result.ok)
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm">
        <ExecutionStatusBadge status={result.execution.status} />
        <Link
          href={executionHref(result.execution.id)}
          className="font-medium text-primary underline"
        >
          Open execution
        </Link>
      </p>
    );
  const fields = Object.entries(result.error.fields ?? {});
  return (
    <div className="text-sm text-destructive" role="alert">
      <p>
        Failed: {result.error.message}
        {result.executionId ? (
          <>
            {" "}
            <Link href={executionHref(result.executionId)} className="underline">
              Details
            </Link>
          </>
        ) : null}
      </p>
      {fields.length > 0 ? (
        <ul className="list-disc pl-5">
          {fields.map(([field, message]) => (
            <li key={field}>
              <span className="font-mono">{field}</span>: {message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
