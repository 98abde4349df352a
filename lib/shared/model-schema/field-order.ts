// Display order and the "Advanced" fold. Required fields come first (a form that cannot run
// without them should say so at the top), each group in the model author's `x-order`.
import type { JsonSchema } from "@/lib/shared/catalog-types";
import { isEverydayField } from "./field-traits";
import { numberOf, propertiesOf, requiredOf } from "./schema-access";

/** With this many optional fields or fewer, the form is short enough to show whole. */
const ADVANCED_AFTER_OPTIONAL = 4;

export function orderFields(schema: JsonSchema): string[] {
  const props = propertiesOf(schema);
  const required = new Set(requiredOf(schema));
  const names = Object.keys(props);
  const position = (name: string, index: number) =>
    numberOf(props[name]?.["x-order"]) ?? 10_000 + index;
  const ranked = names
    .map((name, index) => ({ name, rank: position(name, index) }))
    .sort((a, b) => a.rank - b.rank)
    .map(({ name }) => name);
  return [...ranked.filter((n) => required.has(n)), ...ranked.filter((n) => !required.has(n))];
}

/** Optional fields to fold away, in display order; empty when the form is short. */
export function advancedFields(schema: JsonSchema, order: readonly string[]): string[] {
  const props = propertiesOf(schema);
  const required = new Set(requiredOf(schema));
  const optional = order.filter((name) => !required.has(name));
  if (optional.length <= ADVANCED_AFTER_OPTIONAL) return [];
  const folded = optional.filter((name) => !isEverydayField(name, props[name] ?? {}));
  // Folding a single field hides it for no gain in length.
  return folded.length >= 2 ? folded : [];
}

/** `order` with the advanced fields moved to the end, so the fold is one block. */
export function visibleThenAdvanced(
  order: readonly string[],
  advanced: readonly string[],
): string[] {
  const folded = new Set(advanced);
  return [...order.filter((n) => !folded.has(n)), ...order.filter((n) => folded.has(n))];
}
