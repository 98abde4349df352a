// Shapes of the model catalog, shared by the server (which loads it from upstream) and the
// browser (which searches and filters it). Browser-safe.

/** What a model makes or takes. The API does not say; lib/shared/model-kinds.ts infers it. */
export type MediaKind = "image" | "video" | "audio" | "text";

/** A JSON Schema object as upstream sends it: loosely typed on purpose (real ones are messy). */
export type JsonSchema = { [key: string]: unknown };

/** One model as `GET /v1/models` returns it. */
export type UpstreamModel = {
  title: string;
  slug: string;
  version: string;
  output_type: string;
  request_schema: JsonSchema;
};

/** One model as the catalog page shows it. */
export type CatalogModel = {
  slug: string;
  title: string;
  version: string;
  description: string;
  outputType: string;
  makes: MediaKind;
  takes: MediaKind[];
  /** URL (our own media route) of an example output, once one exists. */
  exampleUrl?: string | null;
};
