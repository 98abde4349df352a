import type { MediaKind } from "../options.js";
import type { CatalogModel } from "./catalog-model.js";
import { inferMediaKind } from "./media-kind.js";
import { createInputValidator, type InputValidator } from "../validation/validate-input.js";

export interface ListQuery {
  name: string | undefined;
  limit: number;
  offset: number;
}

/** The model catalog, indexed by slug, with each model's media kind and compiled input validator. */
export class Catalog {
  private readonly bySlug = new Map<string, CatalogModel>();
  private readonly kinds = new Map<string, MediaKind>();
  private readonly validators = new Map<string, InputValidator>();

  constructor(
    readonly models: readonly CatalogModel[],
    knownKinds: ReadonlyMap<string, MediaKind>,
    private readonly warn: (line: string) => void = () => undefined,
  ) {
    for (const model of models) {
      this.bySlug.set(model.slug, model);
      this.kinds.set(model.slug, knownKinds.get(model.slug) ?? inferMediaKind(model));
    }
  }

  /** `name` matches title or slug, case-insensitively, anywhere in the string. */
  list(query: ListQuery): CatalogModel[] {
    const needle = query.name?.trim().toLowerCase() ?? "";
    const matching =
      needle === ""
        ? this.models
        : this.models.filter(
            (model) =>
              model.title.toLowerCase().includes(needle) ||
              model.slug.toLowerCase().includes(needle),
          );
    return matching.slice(query.offset, query.offset + query.limit);
  }

  find(slug: string): CatalogModel | undefined {
    return this.bySlug.get(slug);
  }

  kindOf(model: CatalogModel): MediaKind {
    return this.kinds.get(model.slug) ?? inferMediaKind(model);
  }

  /** Compiled lazily: a 5,000-model scale catalog should not compile 5,000 schemas at start. */
  validatorFor(model: CatalogModel): InputValidator {
    let validator = this.validators.get(model.slug);
    if (validator === undefined) {
      validator = createInputValidator(model.request_schema, (problem) =>
        this.warn(
          `schema of ${model.slug} could not be compiled (${problem}); accepting any input`,
        ),
      );
      this.validators.set(model.slug, validator);
    }
    return validator;
  }
}
