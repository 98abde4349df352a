// Inputs of the workflow endpoints (app/api/workflows/**). Browser-safe, so the editor's forms
// check the same way. The definition itself is only required to be an object here: its
// problems are reported per step by validateDefinition (lib/shared/workflow-validate.ts).
import { z } from "zod";

export const WORKFLOW_NAME_MAX = 120;
export const WORKFLOW_DESCRIPTION_MAX = 2_000;
/** each::workflows runs at most 10 inputs per bulk trigger. */
export const BULK_MAX = 10;
/** each::sense refuses longer messages. */
export const BUILD_MESSAGE_MAX = 10_000;

const name = z.string().trim().min(1, "Give the workflow a name.").max(WORKFLOW_NAME_MAX);
const description = z.string().trim().max(WORKFLOW_DESCRIPTION_MAX);
const categories = z.array(z.string().trim().min(1).max(60)).max(10);
const definition = z.record(z.string(), z.unknown(), "The definition must be a JSON object.");
const versionId = z
  .string()
  .trim()
  .regex(/^[\w.-]{1,40}$/, "Version ids use letters, digits, _ . - (at most 40).");
const inputs = z.record(z.string(), z.unknown(), "Inputs must be an object.");

export const createWorkflowSchema = z.object({
  name,
  description: description.optional(),
  categories: categories.optional(),
  definition,
});
export type CreateWorkflowInput = z.input<typeof createWorkflowSchema>;

export const updateWorkflowSchema = z
  .object({ name, description, categories })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Nothing to change.");
export type UpdateWorkflowInput = z.input<typeof updateWorkflowSchema>;

/** Categories as a person types them: separated by commas, blanks and repeats dropped. */
export function splitCategories(text: string): string[] {
  const seen = new Set<string>();
  for (const part of text.split(",")) {
    const category = part.trim();
    if (category) seen.add(category);
  }
  return [...seen];
}

/** The workflow's details form: the same rules as the endpoint, categories as one line. */
export const workflowDetailsFormSchema = z.object({
  name,
  description,
  categories: z.string().superRefine((text, context) => {
    const list = splitCategories(text);
    if (list.length > 10)
      context.addIssue({ code: "custom", message: "Use at most 10 categories." });
    if (list.some((category) => category.length > 60))
      context.addIssue({ code: "custom", message: "Keep each category under 60 characters." });
  }),
});
export type WorkflowDetailsFormValues = z.input<typeof workflowDetailsFormSchema>;

/** PUT …/versions/:versionId: any of these; a new version needs a definition. */
export const putVersionSchema = z
  .object({
    definition,
    status: z.enum(["active", "archived", "deleted"], "active, archived or deleted"),
    locked: z.boolean(),
    allowedToShare: z.boolean(),
  })
  .partial()
  .refine((value) => Object.keys(value).length > 0, "Nothing to change.");
export type PutVersionInput = z.input<typeof putVersionSchema>;

/** POST …/versions: save as a new version (the next free vN). */
export const newVersionSchema = z.object({
  definition,
  locked: z.boolean().optional(),
  allowedToShare: z.boolean().optional(),
});
export type NewVersionInput = z.input<typeof newVersionSchema>;

export const triggerSchema = z.object({
  versionId: versionId.optional(),
  inputs: inputs.default({}),
});
export type TriggerInput = z.input<typeof triggerSchema>;

export const bulkTriggerSchema = z.object({
  versionId: versionId.optional(),
  inputs: z
    .array(inputs)
    .min(1, "Add at least one row of inputs.")
    .max(BULK_MAX, `At most ${BULK_MAX} rows at once.`),
});
export type BulkTriggerInput = z.input<typeof bulkTriggerSchema>;

export const publicTriggerSchema = z.object({ inputs: inputs.default({}) });

export const buildWorkflowSchema = z.object({
  message: z
    .string()
    .trim()
    .min(1, "Say what the workflow should do.")
    .max(BUILD_MESSAGE_MAX, `At most ${BUILD_MESSAGE_MAX.toLocaleString("en")} characters.`),
  /** Our workflow id: change that workflow instead of making a new one. */
  workflowId: z.string().trim().min(1).max(100).optional(),
  /** Its version to start from (default: the latest). */
  versionId: versionId.optional(),
  /** Answering each::sense's question: the `sessionId` it was asked in. */
  sessionId: z
    .string()
    .regex(/^wf-[0-9a-f]{24}$/, "Not a workflow builder session.")
    .optional(),
});
export type BuildWorkflowInput = z.input<typeof buildWorkflowSchema>;

export const createExampleSchema = z.object({ example: z.string().trim().min(1).max(100) });

export const listExecutionsQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().max(100).optional(),
  workflowId: z.string().max(100).optional(),
});

export const listWorkflowsQuery = z.object({
  category: z.string().max(60).optional(),
});
