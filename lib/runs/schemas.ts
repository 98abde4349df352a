import { z } from "zod";

export const createRunSchema = z.object({
  model: z.string().trim().min(1, "Choose a model.").max(200),
  input: z.record(z.string(), z.unknown()),
});

export const listRunsQuery = z.object({
  model: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
  before: z.string().max(100).optional(),
});
