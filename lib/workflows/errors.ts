import "server-only";
import { toAppError } from "../eachlabs/error-mapping";
import { UpstreamError } from "../eachlabs/upstream-error";
import { AppError } from "../shared/errors";
import type { DefinitionProblem } from "../shared/workflow-validate";

export const LOCKED_VERSION_MESSAGE = "This version is locked; save a new version instead.";

/** Problems of a definition as our one error body: 400, the first message, every step in `fields`. */
export function definitionError(problems: DefinitionProblem[]): AppError {
  const fields: Record<string, string> = {};
  for (const problem of problems)
    fields[problem.stepId === null ? "definition" : `steps.${problem.stepId}`] ??= problem.message;
  return new AppError(
    "bad_request:definition",
    problems[0]?.message ?? "The definition is not valid.",
    { fields },
  );
}

/**
 * What an each::workflows failure means to a person. `about` says what was being done:
 * "definition" (create, save a version: upstream's 400 names the step), "version" (a 403 is
 * a locked version or workflow), else the general mapping.
 */
export function workflowError(
  error: unknown,
  about: "definition" | "version" | "workflow" | "execution" = "workflow",
): AppError {
  if (error instanceof UpstreamError) {
    const said = error.upstreamMessage;
    if (error.status === 403 && about !== "workflow" && about !== "execution") {
      return /workflow is locked/i.test(String(said))
        ? new AppError(
            "forbidden:workflow_locked",
            "This workflow is locked; unlock it before changing its versions.",
          )
        : new AppError("forbidden:version_locked", LOCKED_VERSION_MESSAGE);
    }
    if (error.status === 403)
      return new AppError(
        "forbidden:workflow",
        /locked/i.test(String(said))
          ? "This workflow is locked; unlock it first."
          : (said ?? "each::workflows refused this request."),
      );
    if (error.status === 409)
      return new AppError("conflict:workflow", said ?? "each::workflows reports a conflict.");
    if ((error.status === 400 || error.status === 422) && about === "definition") {
      const mapped = toAppError(error, "workflow");
      return new AppError("bad_request:definition", mapped.message, mapped.extra);
    }
  }
  return toAppError(error, about === "definition" || about === "version" ? "workflow" : about);
}
