import fs from "node:fs";
import path from "node:path";
import type { MediaKind, ResolvedOptions } from "../options.js";
import { SIMULATOR_DIR } from "../options.js";
import { Catalog } from "./catalog.js";
import { catalogEntryProblem, type CatalogModel } from "./catalog-model.js";
import { synthesizeCatalog } from "./synthesize-catalog.js";

const MEDIA_KINDS: readonly MediaKind[] = ["image", "video", "audio", "text"];

/** Builds the catalog from (in order of precedence) an in-memory list, a synthesized size, or a file. */
export function loadCatalog(options: ResolvedOptions): Catalog {
  const kinds = readMediaMap(path.join(SIMULATOR_DIR, "fixtures", "model-media.json"));
  if (options.catalog !== undefined) return new Catalog(options.catalog, kinds, options.log);
  if (options.models !== undefined) {
    const synthesized = synthesizeCatalog(options.models);
    return new Catalog(synthesized.models, synthesized.kinds, options.log);
  }
  const models = readCatalogFile(options.catalogFile, options.log);
  // A catalog may bring its own media map beside it, in the fixtures' format.
  const beside = path.join(path.dirname(options.catalogFile), "model-media.json");
  for (const [slug, kind] of readMediaMap(beside)) kinds.set(slug, kind);
  return new Catalog(models, kinds, options.log);
}

export function readCatalogFile(file: string, warn: (line: string) => void): CatalogModel[] {
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  // Accept a bare array (the `GET /v1/models` format) or `{ "models": [...] }`.
  const entries = Array.isArray(parsed) ? parsed : (parsed as { models?: unknown }).models;
  if (!Array.isArray(entries)) throw new Error(`${file}: expected an array of models`);
  const models: CatalogModel[] = [];
  entries.forEach((entry: unknown, index) => {
    const problem = catalogEntryProblem(entry);
    if (problem === null) models.push(entry as CatalogModel);
    else warn(`catalog ${file}: skipping entry ${index}: ${problem}`);
  });
  return models;
}

function readMediaMap(file: string): Map<string, MediaKind> {
  const kinds = new Map<string, MediaKind>();
  if (!fs.existsSync(file)) return kinds;
  const parsed: unknown = JSON.parse(fs.readFileSync(file, "utf8"));
  if (typeof parsed !== "object" || parsed === null) return kinds;
  for (const [slug, kind] of Object.entries(parsed)) {
    if (MEDIA_KINDS.includes(kind as MediaKind)) kinds.set(slug, kind as MediaKind);
  }
  return kinds;
}
