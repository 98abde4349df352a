import "server-only";
import { randomBytes } from "node:crypto";
import type { PublicUser } from "../auth/users";
import { findModel } from "../catalog/catalog-cache";
import { db } from "../db";
import { accessFor } from "../eachlabs/access";
import { env } from "../env";
import { createPrediction } from "../eachlabs/client";
import { toAppError } from "../eachlabs/error-mapping";
import type { Prisma } from "../generated/prisma/client";
import { AppError } from "../shared/errors";
import { validateLimits } from "../shared/model-schema";
import type { RunView } from "../shared/run-types";
import { findRun } from "./queries";
import { toRunView } from "./run-view";
import { schemaErrors } from "./validate-input";
import { webhookUrlFor } from "./webhook-target";

/** Each person's own limit (RUNS_PER_MINUTE), whatever their key allows upstream. */
async function enforceUserRateLimit(userId: string): Promise<void> {
  const limit = env().runsPerMinute;
  const recent = await db().run.count({
    where: { userId, createdAt: { gt: new Date(Date.now() - 60_000) } },
  });
  if (recent >= limit) {
    throw new AppError(
      "rate_limited:runs",
      `You started ${limit} runs in the last minute. Wait a moment, then try again.`,
      { retryAfter: 30 },
    );
  }
}

/**
 * Validates the input against the model's schema and the platform limits (before anything
 * is spent), records the run, then creates the prediction upstream. If upstream refuses,
 * the run row keeps the input and says what happened.
 */
export async function createRun(
  user: PublicUser,
  request: { model: string; input: Record<string, unknown> },
): Promise<RunView> {
  const model = await findModel(request.model);
  if (!model) throw new AppError("not_found:model", `There is no model called “${request.model}”.`);
  const fields = {
    ...schemaErrors(model.request_schema, request.input),
    ...validateLimits(model.request_schema, request.input),
  };
  if (Object.keys(fields).length > 0) {
    throw new AppError("unprocessable:input", "Some fields need attention.", { fields });
  }
  await enforceUserRateLimit(user.id);

  const access = await accessFor(user.id);
  const webhookSecret = randomBytes(24).toString("hex");
  const run = await db().run.create({
    data: {
      userId: user.id,
      modelSlug: model.slug,
      modelVersion: model.version,
      modelTitle: model.title || null,
      input: request.input as Prisma.InputJsonValue,
      keySource: access.keySource,
      webhookSecret,
    },
  });

  try {
    const predictionId = await createPrediction(access, {
      model: model.slug,
      version: model.version,
      input: request.input,
      webhookUrl: webhookUrlFor(run.id),
      webhookSecret,
    });
    // A fast webhook may already have finished the run: only a queued run becomes "starting".
    const started = await db().run.updateMany({
      where: { id: run.id, status: "queued" },
      data: { predictionId, status: "starting" },
    });
    if (started.count === 1)
      return toRunView({ ...run, predictionId, status: "starting", assets: [] });
    await db().run.update({ where: { id: run.id }, data: { predictionId } });
    return (await findRun(user.id, run.id))!;
  } catch (error) {
    const appError = toAppError(error, "prediction");
    await db().run.update({
      where: { id: run.id },
      data: {
        status: "failed",
        errorCode: appError.code,
        errorMessage: appError.message,
        completedAt: new Date(),
      },
    });
    throw new AppError(appError.code, appError.message, { ...appError.extra, runId: run.id });
  }
}
