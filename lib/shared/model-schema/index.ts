// Browser-safe helpers that turn a model's JSON Schema into a form and its values into an input.
export { prepareSchema } from "./prepare-schema";
export { coerceInput } from "./coerce-input";
export { validateLimits } from "./validate-limits";
export { checkUploadFile, type UploadCandidate } from "./check-upload-file";
export { mediaKindOfField } from "./media-kind";
export { friendlyErrors } from "./friendly-errors";
export { placeFieldErrors, type ErrorTree } from "./field-errors";
export { fieldLabel, humanizeFieldName } from "./humanize";
export { fileNameOfUrl, isHttpUrl } from "./links";
export {
  MAX_IMAGES_PER_REQUEST,
  MEDIA_LIMITS,
  PROMPT_MAX_CHARS,
  UPLOAD_MAX_BYTES,
  acceptFor,
  formatBytes,
  type UploadKind,
} from "./limits";
export type * from "./types";
