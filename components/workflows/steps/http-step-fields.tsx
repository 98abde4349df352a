"use client";

import { useId } from "react";
import type { ReferenceOption } from "@/lib/shared/workflow-reference-options";
import { isRecord, type WorkflowStep } from "@/lib/shared/workflow-types";
import { labelClass, selectClass } from "./field-classes";
import { JsonField } from "./json-field";
import { NumberField } from "./number-field";
import { ReferenceTextField } from "./reference-text-field";

const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
/** The fields each auth type reads (as each::workflows' http runner does). */
const AUTH_FIELDS: Record<string, { key: string; label: string }[]> = {
  basic: [
    { key: "username", label: "Username" },
    { key: "password", label: "Password" },
  ],
  bearer: [{ key: "token", label: "Token" }],
  api_key: [
    { key: "header", label: "Header name" },
    { key: "value", label: "Key" },
  ],
};

type Change = (fn: (step: WorkflowStep) => WorkflowStep) => void;

function set(step: WorkflowStep, key: string, value: unknown): WorkflowStep {
  const { [key]: _old, ...rest } = step;
  return (value === undefined ? rest : { ...rest, [key]: value }) as WorkflowStep;
}

/** An http step: URL, method, headers, body, auth and its timeout (milliseconds). */
export function HttpStepFields({
  step,
  change,
  options,
}: {
  step: WorkflowStep;
  change: Change;
  options: readonly ReferenceOption[];
}) {
  const id = useId();
  const auth = isRecord(step.auth) ? step.auth : null;
  const authType = typeof auth?.type === "string" ? auth.type : "";
  const method = typeof step.method === "string" ? step.method.toUpperCase() : "GET";
  return (
    <div className="space-y-4">
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <div className="space-y-1">
          <label htmlFor={`${id}-method`} className={labelClass}>
            Method
          </label>
          <select
            id={`${id}-method`}
            value={method}
            onChange={(event) => change((s) => ({ ...s, method: event.target.value }))}
            className={selectClass}
          >
            {METHODS.map((m) => (
              <option key={m}>{m}</option>
            ))}
          </select>
        </div>
        <ReferenceTextField
          label="URL"
          value={typeof step.url === "string" ? step.url : ""}
          onChange={(url) => change((s) => ({ ...s, url }))}
          options={options}
          mono
          placeholder="https://api.example.com/process"
        />
      </div>
      <div className="grid gap-3 lg:grid-cols-2">
        <JsonField
          label="Headers (JSON object)"
          value={step.headers}
          objectOnly
          optional
          options={options}
          onChange={(headers) => change((s) => set(s, "headers", headers))}
        />
        <JsonField
          label="Body (JSON)"
          value={step.body}
          optional
          options={options}
          onChange={(body) => change((s) => set(s, "body", body))}
        />
      </div>
      <div className="grid gap-3 sm:grid-cols-3">
        <div className="space-y-1">
          <label htmlFor={`${id}-auth`} className={labelClass}>
            Auth
          </label>
          <select
            id={`${id}-auth`}
            value={authType}
            onChange={(event) =>
              change((s) =>
                set(s, "auth", event.target.value ? { type: event.target.value } : undefined),
              )
            }
            className={selectClass}
          >
            <option value="">None</option>
            <option value="basic">Basic (username, password)</option>
            <option value="bearer">Bearer token</option>
            <option value="api_key">API key header</option>
          </select>
        </div>
        {(AUTH_FIELDS[authType] ?? []).map((field) => (
          <ReferenceTextField
            key={field.key}
            label={field.label}
            value={typeof auth?.[field.key] === "string" ? (auth[field.key] as string) : ""}
            onChange={(value) =>
              change((s) => ({
                ...s,
                auth: { ...(isRecord(s.auth) ? s.auth : { type: authType }), [field.key]: value },
              }))
            }
            options={options}
            mono
          />
        ))}
      </div>
      <div className="max-w-48">
        <NumberField
          label="Request timeout (ms)"
          value={typeof step.timeout === "number" ? step.timeout : undefined}
          onChange={(timeout) => change((s) => set(s, "timeout", timeout))}
        />
      </div>
    </div>
  );
}
