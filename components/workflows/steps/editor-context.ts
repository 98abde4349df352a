"use client";

import { useQuery } from "@tanstack/react-query";
import { createContext, useContext } from "react";
import type { CatalogIndex } from "@/lib/shared/catalog-search";
import type { CatalogModel, JsonSchema } from "@/lib/shared/catalog-types";
import type { WorkflowDefinition } from "@/lib/shared/workflow-types";

export type SchemaAnswer = { ok: true; schema: JsonSchema } | { ok: false; message: string };
/** Fetches a model's request_schema (a server action: the catalog lives on the server). */
export type SchemaLoader = (slug: string) => Promise<SchemaAnswer>;

export type EditorContextValue = {
  definition: WorkflowDefinition;
  /** Every edit goes through here, as a function of the latest definition. */
  update: (fn: (definition: WorkflowDefinition) => WorkflowDefinition) => void;
  models: readonly CatalogModel[];
  modelIndex: CatalogIndex;
  /** validateDefinition's messages, by the step they name. */
  problems: ReadonlyMap<string, string[]>;
  loadSchema: SchemaLoader;
  /** Schemas the page already had (the models the versions use), so forms draw at once. */
  initialSchemas: Readonly<Record<string, JsonSchema>>;
};

export const EditorContext = createContext<EditorContextValue | null>(null);

export function useEditor(): EditorContextValue {
  const editor = useContext(EditorContext);
  if (!editor) throw new Error("useEditor needs an <EditorContext.Provider> above it.");
  return editor;
}

/** A model's request_schema, loaded once per model and kept for the visit. */
export function useModelSchema(slug: string) {
  const { loadSchema, initialSchemas } = useEditor();
  return useQuery({
    queryKey: ["model-schema", slug],
    queryFn: async () => {
      const answer = await loadSchema(slug);
      if (!answer.ok) throw new Error(answer.message);
      return answer.schema;
    },
    initialData: initialSchemas[slug],
    enabled: slug !== "",
    staleTime: Infinity,
    retry: 1,
  });
}
