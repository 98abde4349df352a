"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { apiFetch, ApiError } from "@/lib/client/api";
import { saveKeySchema } from "@/lib/keys/schemas";
import { Alert } from "../ui/alert";
import { Button } from "../ui/button";
import { FormField } from "../ui/form-field";
import { Input } from "../ui/input";

type KeyInfo = { last4: string; updatedAt: string } | null;
type FormValues = { apiKey: string };

/** Store, replace or delete the person's own each::labs key. Only its last 4 characters come back. */
export function ApiKeyForm({
  initial,
  usingSimulator,
}: {
  initial: KeyInfo;
  usingSimulator: boolean;
}) {
  const [key, setKey] = useState<KeyInfo>(initial);
  const [notice, setNotice] = useState<string>();
  const [formError, setFormError] = useState<string>();
  const { register, handleSubmit, reset, setError, formState } = useForm<FormValues>({
    resolver: zodResolver(saveKeySchema),
    defaultValues: { apiKey: "" },
  });

  const save = handleSubmit(async ({ apiKey }) => {
    setNotice(undefined);
    setFormError(undefined);
    try {
      const { key: saved } = await apiFetch<{ key: KeyInfo }>("/api/settings/api-key", {
        method: "PUT",
        json: { apiKey },
      });
      setKey(saved);
      reset({ apiKey: "" });
      setNotice("Saved. Your runs now use your own key.");
    } catch (error) {
      const message =
        error instanceof ApiError
          ? (error.details.fields?.apiKey ?? error.message)
          : "Saving failed. Please try again.";
      if (error instanceof ApiError && error.details.fields?.apiKey)
        setError("apiKey", { message });
      else setFormError(message);
    }
  });

  async function remove() {
    setNotice(undefined);
    try {
      await apiFetch("/api/settings/api-key", { method: "DELETE" });
      setKey(null);
      setNotice("Deleted. Your runs use the playground's key again.");
    } catch (error) {
      setFormError(
        error instanceof ApiError ? error.message : "Deleting failed. Please try again.",
      );
    }
  }

  return (
    <div className="space-y-4">
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-muted/50 px-4 py-3 text-sm">
        {key ? (
          <>
            <span>
              Your key ending in{" "}
              <strong className="font-mono" data-testid="key-last4">
                …{key.last4}
              </strong>{" "}
              is in use.
            </span>
            <Button variant="outline" size="sm" onClick={remove}>
              Delete key
            </Button>
          </>
        ) : (
          <span className="text-muted-foreground">
            No key saved: your runs use the playground&apos;s{" "}
            {usingSimulator ? "simulator" : "server"} key.
          </span>
        )}
      </div>
      <form onSubmit={save} noValidate className="space-y-3">
        <FormField
          id="apiKey"
          label={key ? "Replace with a new key" : "Your each::labs API key"}
          error={formState.errors.apiKey?.message}
          hint="Stored encrypted (AES-256-GCM). It is never shown again, only its last 4 characters."
        >
          <Input
            id="apiKey"
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-invalid={Boolean(formState.errors.apiKey)}
            {...register("apiKey")}
          />
        </FormField>
        <Button type="submit" disabled={formState.isSubmitting}>
          {formState.isSubmitting ? "Checking the key…" : "Save key"}
        </Button>
      </form>
    </div>
  );
}
