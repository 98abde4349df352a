import "server-only";
import { AppError } from "../shared/errors";
import type { WorkflowDefinition } from "../shared/workflow-types";
import choiceUpscale from "./examples/choice-upscale-by-type.json";
import fallbackAndTransform from "./examples/fallback-and-transform.json";
import imageEnhancement from "./examples/image-enhancement-pipeline.json";
import parallelVideo from "./examples/parallel-video-and-edit.json";
import { createWorkflowFor } from "./manage";

// Starting points for the editor: the four definitions the platform's documents show (the
// same as the simulator's fixtures, copied here as data: the app never imports the simulator).

export type WorkflowExample = {
  id: string;
  name: string;
  description: string;
  categories: string[];
  definition: WorkflowDefinition;
};

const raw: Record<string, unknown> = {
  "image-enhancement-pipeline": imageEnhancement,
  "parallel-video-and-edit": parallelVideo,
  "choice-upscale-by-type": choiceUpscale,
  "fallback-and-transform": fallbackAndTransform,
};

export const WORKFLOW_EXAMPLES: WorkflowExample[] = Object.entries(raw).map(([id, value]) => {
  const example = value as Omit<WorkflowExample, "id">;
  return { id, ...example };
});

/** Creates one of the examples as the person's own workflow; returns our id. */
export async function createExampleFor(userId: string, exampleId: string): Promise<string> {
  const example = WORKFLOW_EXAMPLES.find((e) => e.id === exampleId);
  if (!example)
    throw new AppError(
      "not_found:example",
      `There is no example called “${exampleId}”. Choose one of: ${WORKFLOW_EXAMPLES.map((e) => e.id).join(", ")}.`,
    );
  return createWorkflowFor(
    userId,
    {
      name: example.name,
      description: example.description,
      categories: example.categories,
      definition: structuredClone(example.definition),
    },
    { source: "example" },
  );
}
