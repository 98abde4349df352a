"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type CSSProperties } from "react";
import { apiFetch, type ApiError } from "@/lib/client/api";
import type { BulkRowResult } from "@/lib/shared/workflow-api";
import { BULK_MAX } from "@/lib/shared/workflow-schemas";
import { inputNames, isRecord, type WorkflowInputSchema } from "@/lib/shared/workflow-types";
import { BusySpinner } from "../../gallery/busy-spinner";
import { TrashIcon } from "../../model-form/form-icons";
import { Alert } from "../../ui/alert";
import { Button } from "../../ui/button";
import { IconButton } from "../icon-button";
import { inputClass } from "../steps/field-classes";
import { workflowKeys } from "../workflow-cache";
import { BulkResult } from "./bulk-result";
import { CsvPaste } from "./csv-paste";
import { csvToRows, rowInputs, type CellRow, type CsvResult } from "./csv-rows";
import { PlusIcon } from "../../ui/icons";

const blankRow = (names: readonly string[]): CellRow =>
  Object.fromEntries(names.map((name) => [name, ""]));

/** Up to ten runs at once: one row per run, typed in or pasted as CSV. */
export function BulkRun({
  workflowId,
  versionId,
  inputSchema,
}: {
  workflowId: string;
  versionId: string;
  inputSchema: unknown;
}) {
  const queryClient = useQueryClient();
  const schema = isRecord(inputSchema) ? (inputSchema as WorkflowInputSchema) : undefined;
  const names = inputNames({ input_schema: schema });
  const [rows, setRows] = useState<CellRow[]>(() => [blankRow(names)]);
  const [csv, setCsv] = useState("");
  const [csvResult, setCsvResult] = useState<CsvResult | null>(null);
  const bulk = useMutation<
    { bulkId: string | null; results: BulkRowResult[] },
    ApiError,
    CellRow[]
  >({
    mutationFn: (list) =>
      apiFetch(`/api/workflows/${workflowId}/bulk-trigger`, {
        method: "POST",
        json: { versionId, inputs: list.map((row) => rowInputs(row, schema)) },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: workflowKeys.executions(workflowId) });
      void queryClient.invalidateQueries({ queryKey: workflowKeys.list });
    },
  });
  const results = new Map((bulk.data?.results ?? []).map((result) => [result.index, result]));
  const grid = {
    "--cols": `3.5rem repeat(${Math.max(1, names.length)}, minmax(0, 1fr)) auto`,
  } as CSSProperties;
  const setCell = (index: number, name: string, text: string) =>
    setRows((list) => list.map((row, i) => (i === index ? { ...row, [name]: text } : row)));

  return (
    <div className="space-y-5">
      <CsvPaste
        inputNames={names}
        text={csv}
        result={csvResult}
        onChange={(text) => {
          setCsv(text);
          const result = text.trim() ? csvToRows(text, names) : null;
          setCsvResult(result);
          if (result?.ok) {
            setRows(result.rows.map((row) => ({ ...blankRow(names), ...row })));
            bulk.reset();
          }
        }}
      />
      <div className="space-y-2">
        <div
          style={grid}
          aria-hidden="true"
          className="hidden gap-2 px-2 text-xs font-medium text-muted-foreground sm:grid sm:[grid-template-columns:var(--cols)]"
        >
          <span>Row</span>
          {names.map((name) => (
            <span key={name} className="truncate font-mono">
              {name}
            </span>
          ))}
          <span className="w-9" />
        </div>
        <ol aria-label="Bulk rows" className="space-y-2">
          {rows.map((row, index) => {
            const result = results.get(index);
            return (
              <li key={index} className="space-y-2 rounded-lg border border-border p-2">
                <div
                  style={grid}
                  className="grid grid-cols-1 gap-2 sm:[grid-template-columns:var(--cols)] sm:items-center"
                >
                  <span className="text-xs font-medium text-muted-foreground">Row {index + 1}</span>
                  {names.map((name) => (
                    <input
                      key={name}
                      aria-label={`Row ${index + 1} ${name}`}
                      placeholder={name}
                      value={row[name] ?? ""}
                      onChange={(event) => setCell(index, name, event.target.value)}
                      className={inputClass}
                    />
                  ))}
                  <IconButton
                    label={`Remove row ${index + 1}`}
                    danger
                    disabled={rows.length === 1}
                    onClick={() => setRows((list) => list.filter((_, i) => i !== index))}
                    className="justify-self-end"
                  >
                    <TrashIcon width={16} height={16} />
                  </IconButton>
                </div>
                {result ? <BulkResult result={result} /> : null}
              </li>
            );
          })}
        </ol>
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="secondary"
            size="sm"
            onClick={() => setRows((list) => [...list, blankRow(names)])}
            disabled={rows.length >= BULK_MAX}
          >
            <PlusIcon width={16} height={16} />
            Add row
          </Button>
          <span className="text-xs text-muted-foreground">
            {rows.length >= BULK_MAX
              ? `That is the most: each::workflows runs at most ${BULK_MAX} rows at once.`
              : `${rows.length} of at most ${BULK_MAX} rows.`}
          </span>
        </div>
      </div>
      {bulk.isError ? <Alert tone="error">{bulk.error.message}</Alert> : null}
      {bulk.data ? (
        <p role="status" className="text-sm text-muted-foreground">
          Started {bulk.data.results.filter((r) => r.ok).length} of {bulk.data.results.length} runs
          {bulk.data.bulkId ? ` (bulk ${bulk.data.bulkId})` : ""}.
        </p>
      ) : null}
      <div className="flex justify-end">
        <Button
          size="lg"
          onClick={() => bulk.mutate(rows)}
          disabled={bulk.isPending || csvResult?.ok === false}
          className="min-w-32"
        >
          {bulk.isPending ? <BusySpinner /> : null}
          {bulk.isPending ? "Starting…" : "Bulk run"}
        </Button>
      </div>
    </div>
  );
}
