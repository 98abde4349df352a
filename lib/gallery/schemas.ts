import { z } from "zod";

export const updateAssetSchema = z
  .object({
    favorite: z.boolean().optional(),
    title: z.string().trim().max(200, "Use at most 200 characters.").nullable().optional(),
  })
  .refine(
    (value) => value.favorite !== undefined || value.title !== undefined,
    "Nothing to change.",
  );

export const shareSchema = z.object({
  hidePrompt: z.boolean().default(false),
  keepExisting: z.boolean().default(false),
});

export const bulkSchema = z.object({
  action: z.enum(["delete", "restore", "unshare"]),
  ids: z.array(z.string().min(1).max(100)).min(1, "Select at least one item.").max(500),
});

export const idsQuerySchema = z
  .string()
  .min(1, "Choose what to download.")
  .transform((value) => [...new Set(value.split(",").filter(Boolean))])
  .pipe(
    z
      .array(z.string().max(100))
      .min(1, "Choose what to download.")
      .max(500, "Download at most 500 items at once."),
  );
