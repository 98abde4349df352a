// ajv speaks to developers ("must NOT have more than 10000 characters", "must match format
// \"uri\""); the form speaks to people. Passed to rjsf as `transformErrors`.
import type { RJSFValidationError } from "@rjsf/utils";

type Params = Record<string, unknown>;

function count(value: unknown): string {
  return typeof value === "number" ? value.toLocaleString("en-US") : String(value);
}

const MESSAGES: Record<string, (params: Params) => string | undefined> = {
  required: () => "This field is required.",
  minimum: (p) => `Must be at least ${count(p.limit)}.`,
  maximum: (p) => `Must be at most ${count(p.limit)}.`,
  exclusiveMinimum: (p) => `Must be more than ${count(p.limit)}.`,
  exclusiveMaximum: (p) => `Must be less than ${count(p.limit)}.`,
  minLength: (p) => `Must be at least ${count(p.limit)} characters.`,
  maxLength: (p) => `Must be at most ${count(p.limit)} characters.`,
  minItems: (p) => `Add at least ${count(p.limit)}.`,
  maxItems: (p) => `Add at most ${count(p.limit)}.`,
  multipleOf: (p) => `Must be a multiple of ${count(p.multipleOf)}.`,
  enum: () => "Choose one of the options.",
  pattern: () => "Does not match the expected format.",
  format: (p) =>
    p.format === "uri"
      ? "Enter a full link, like https://example.com/file.png."
      : `Enter a valid ${String(p.format)}.`,
  type: (p) =>
    p.type === "integer"
      ? "Must be a whole number."
      : p.type === "number"
        ? "Must be a number."
        : undefined,
};

export function friendlyErrors(errors: RJSFValidationError[]): RJSFValidationError[] {
  return errors.map((error) => {
    const message = error.name ? MESSAGES[error.name]?.((error.params ?? {}) as Params) : undefined;
    return message
      ? { ...error, message, stack: `${error.property ?? ""} ${message}`.trim() }
      : error;
  });
}
