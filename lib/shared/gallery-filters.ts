// The gallery's filters, shared by the page (URL state) and GET /api/assets. Browser-safe.
import { z } from "zod";

const list = (values: readonly [string, ...string[]]) =>
  z
    .union([z.array(z.enum(values)), z.string()])
    .optional()
    .transform((value) =>
      value === undefined
        ? []
        : ((Array.isArray(value) ? value : value.split(",").filter(Boolean)) as string[]),
    )
    .pipe(z.array(z.enum(values)));

const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "a date like 2026-11-25")
  .optional();

export const ASSET_KINDS = ["image", "video", "audio", "text", "file"] as const;
export const ASSET_SOURCES = ["run", "chat", "workflow"] as const;

export const galleryFiltersSchema = z.object({
  kind: list(ASSET_KINDS),
  source: list(ASSET_SOURCES),
  model: z.string().trim().max(200).optional(),
  q: z.string().trim().max(200).optional(),
  favorites: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  from: day,
  to: day,
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(40),
});

export type GalleryFilters = z.output<typeof galleryFiltersSchema>;
