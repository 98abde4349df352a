"use server";

import { getCurrentUser } from "@/lib/auth/session";
import { getCatalog } from "@/lib/catalog/catalog-cache";
import type { JsonSchema } from "@/lib/shared/catalog-types";

type SchemaAnswer = { ok: true; schema: JsonSchema } | { ok: false; message: string };

/**
 * A model's request_schema for the workflow editor's step forms. The catalog lives on the
 * server; like every endpoint this refuses the signed-out. Errors come back as values, since
 * a server action's thrown message does not reach the browser in production.
 */
export async function loadModelSchema(slug: string): Promise<SchemaAnswer> {
  if (!(await getCurrentUser())) return { ok: false, message: "Sign in to do this." };
  if (typeof slug !== "string" || slug.length > 200)
    return { ok: false, message: "Not a model slug." };
  try {
    const model = (await getCatalog()).bySlug.get(slug);
    return model
      ? { ok: true, schema: model.request_schema }
      : { ok: false, message: `each::labs has no model “${slug}”` };
  } catch {
    return { ok: false, message: "the model catalog is not available right now" };
  }
}
