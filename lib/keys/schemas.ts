import { z } from "zod";

export const saveKeySchema = z.object({
  apiKey: z
    .string()
    .trim()
    .min(8, "That does not look like an each::labs API key (too short).")
    .max(500, "That key is too long.")
    .regex(/^\S+$/, "An API key has no spaces."),
});
