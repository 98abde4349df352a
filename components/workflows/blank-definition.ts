import type { WorkflowDefinition } from "@/lib/shared/workflow-types";

/**
 * What "Blank" starts from. each::workflows refuses a definition without steps, so the
 * smallest useful one: a prompt input and one image step reading it.
 */
export function blankDefinition(): WorkflowDefinition {
  return {
    version: "v1",
    input_schema: {
      type: "object",
      properties: { prompt: { type: "string", description: "What to make" } },
      required: ["prompt"],
    },
    steps: [
      {
        id: "generate",
        type: "model",
        model: "flux-2-pro",
        params: { prompt: "{{inputs.prompt}}" },
      },
    ],
  };
}
