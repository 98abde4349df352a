import type { CatalogModel } from "../catalog/catalog-model.js";
import type { Dialect, MediaKind } from "../options.js";
import { priceOf } from "../predictions/pricing.js";

/** The list/detail object. The official platform reports version "0.0.1" for every model. */
export function modelView(model: CatalogModel, dialect: Dialect): CatalogModel {
  return dialect === "official" ? { ...model, version: "0.0.1" } : model;
}

/** Official detail responses add a `cost` block; the reference has none. */
export function modelDetailView(
  model: CatalogModel,
  kind: MediaKind,
  dialect: Dialect,
): Record<string, unknown> {
  if (dialect !== "official") return modelView(model, dialect);
  const price = priceOf(model, kind);
  const perUnit = price.unit === "execution" ? "per run" : `per ${price.unit}`;
  const dependsOn =
    price.unit === "image"
      ? ["num_outputs"]
      : price.unit === "second"
        ? ["duration"]
        : price.unit === "character"
          ? ["text"]
          : [];
  return {
    ...modelView(model, dialect),
    cost: {
      currency: "USD",
      type: price.unit === "execution" ? "fixed" : "usage_based",
      amount: price.amount,
      unit: price.unit,
      estimate: price.amount === 0 ? "Free" : `$${price.amount} ${perUnit}`,
      description: "Simulated list price; charged on success only.",
      min: null,
      max: null,
      depends_on: dependsOn,
      rows: [{ label: perUnit, value: `$${price.amount}` }],
    },
  };
}
