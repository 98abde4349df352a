import { describe, expect, it } from "vitest";
import {
  applyOperator,
  evaluateCondition,
  OPERATORS,
  stringMatches,
} from "../src/workflows/condition-evaluator.js";
import { validateDefinition } from "../src/workflows/definition-validator.js";
import { parseExpression, parsePath } from "../src/workflows/references.js";
import {
  primaryOf,
  resolveTemplates,
  TemplateError,
  type ResolveScope,
  type StepValue,
} from "../src/workflows/template-resolver.js";
import type { Condition } from "../src/workflows/types.js";

const completed = (output: unknown, extra: Partial<StepValue> = {}): StepValue => ({
  status: "completed",
  output,
  primary: primaryOf(output),
  metadata: { model: "flux-2-pro" },
  ...extra,
});

const scope: ResolveScope = {
  inputs: {
    prompt: "a fox",
    count: 3,
    upscale: true,
    tags: ["a", "b"],
    nested: { deep: "yes" },
    nothing: null,
  },
  steps: new Map<string, StepValue>([
    ["gen", completed(["https://sim/media/one.png", "https://sim/media/two.png"])],
    ["meta", completed({ filename: "report.pdf", score: 0.9, url: "https://sim/media/x.mp4" })],
    ["text", completed("hello")],
    ["num", completed(42)],
    ["skipped", { status: "skipped", output: null, primary: null, metadata: {} }],
  ]),
};

describe("template resolver", () => {
  it("keeps the value's type for a whole-string template: numbers, booleans, lists, objects", () => {
    expect(resolveTemplates("{{inputs.count}}", scope)).toBe(3);
    expect(resolveTemplates("{{ inputs.upscale }}", scope)).toBe(true);
    expect(resolveTemplates("{{inputs.tags}}", scope)).toEqual(["a", "b"]);
    expect(resolveTemplates("{{gen.output}}", scope)).toEqual([
      "https://sim/media/one.png",
      "https://sim/media/two.png",
    ]);
    expect(resolveTemplates("{{num.primary}}", scope)).toBe(42);
    expect(resolveTemplates("{{inputs.nothing}}", scope)).toBeNull();
  });

  it("resolves primary as the first URL of a list, the url of an object, or the value itself", () => {
    expect(resolveTemplates("{{gen.primary}}", scope)).toBe("https://sim/media/one.png");
    expect(resolveTemplates("{{meta.primary}}", scope)).toBe("https://sim/media/x.mp4");
    expect(resolveTemplates("{{text.primary}}", scope)).toBe("hello");
    expect(primaryOf([])).toBeNull();
    expect(primaryOf({ urls: ["u1", "u2"] })).toBe("u1");
    expect(primaryOf({ a: 1 })).toEqual({ a: 1 });
  });

  it("reads nested fields: output.field, output[0], output.0, metadata, inputs.a.b, and a pass result's field", () => {
    expect(resolveTemplates("{{meta.output.filename}}", scope)).toBe("report.pdf");
    expect(resolveTemplates("{{gen.output[1]}}", scope)).toBe("https://sim/media/two.png");
    expect(resolveTemplates("{{gen.output.0}}", scope)).toBe("https://sim/media/one.png");
    expect(resolveTemplates("{{gen.metadata.model}}", scope)).toBe("flux-2-pro");
    expect(resolveTemplates("{{inputs.nested.deep}}", scope)).toBe("yes");
    expect(resolveTemplates("{{meta.score}}", scope)).toBe(0.9);
    expect(resolveTemplates("{{gen.status}}", scope)).toBe("completed");
  });

  it("writes embedded templates into the string: text as is, numbers as digits, objects as JSON, missing as nothing", () => {
    expect(resolveTemplates("A portrait of {{inputs.prompt}} x{{inputs.count}}", scope)).toBe(
      "A portrait of a fox x3",
    );
    expect(resolveTemplates("tags={{inputs.tags}} upscale={{inputs.upscale}}", scope)).toBe(
      'tags=["a","b"] upscale=true',
    );
    expect(resolveTemplates("in {{inputs.style}} style", scope)).toBe("in  style");
    expect(resolveTemplates("see {{gen.primary}}!", scope)).toBe("see https://sim/media/one.png!");
  });

  it("walks objects and lists, dropping an object field whose whole template names a missing input", () => {
    expect(
      resolveTemplates(
        {
          prompt: "{{inputs.prompt}}",
          style: "{{inputs.style}}",
          list: ["{{inputs.count}}", "{{inputs.style}}"],
          n: 5,
        },
        scope,
      ),
    ).toEqual({ prompt: "a fox", list: [3, null], n: 5 });
  });

  it("fails a template naming a step that did not complete, and leaves text that is not a path alone", () => {
    expect(() => resolveTemplates("{{skipped.primary}}", scope)).toThrow(TemplateError);
    expect(() => resolveTemplates("{{skipped.primary}}", scope)).toThrow(/which was skipped/);
    expect(() => resolveTemplates("x {{later.output}}", scope)).toThrow(/which has not run/);
    expect(resolveTemplates("{{ not a path }}", scope)).toBe("{{ not a path }}");
  });

  it("parses paths and $ expressions", () => {
    expect(parsePath("step1.output[0].url")).toEqual(["step1", "output", 0, "url"]);
    expect(parsePath("a..b")).toBeNull();
    expect(parsePath("a b")).toBeNull();
    expect(parseExpression("$.step1.primary")).toMatchObject({ scope: "step1", path: ["primary"] });
    expect(parseExpression("step1.primary")).toBeNull();
  });
});

describe("condition evaluator", () => {
  const check = (expression: string, operator: string, value?: unknown): boolean =>
    evaluateCondition(
      (value === undefined
        ? { expression, operator }
        : { expression, operator, value }) as Condition,
      scope,
    );

  it('equals / not_equals detect the type: booleans, numbers ("3" = 3), text, lists; missing equals null', () => {
    expect(check("$.inputs.upscale", "equals", true)).toBe(true);
    expect(check("$.inputs.upscale", "equals", "true")).toBe(true);
    expect(check("$.inputs.count", "equals", "3")).toBe(true);
    expect(check("$.inputs.count", "equals", 3.0)).toBe(true);
    expect(check("$.inputs.prompt", "equals", "a fox")).toBe(true);
    expect(check("$.inputs.tags", "equals", ["a", "b"])).toBe(true);
    expect(check("$.inputs.missing", "equals", null)).toBe(true);
    expect(check("$.inputs.prompt", "not_equals", "a cat")).toBe(true);
    expect(check("$.inputs.count", "not_equals", 3)).toBe(false);
    expect(check("$.inputs.upscale", "not_equals", false)).toBe(true);
  });

  it("greater_than, less_than, greater_than_or_equal, less_than_or_equal compare numbers (numeric strings too)", () => {
    expect(check("$.meta.output.score", "greater_than", 0.8)).toBe(true);
    expect(check("$.meta.output.score", "greater_than", 0.9)).toBe(false);
    expect(check("$.meta.output.score", "less_than", "1")).toBe(true);
    expect(check("$.inputs.count", "less_than", 3)).toBe(false);
    expect(check("$.inputs.count", "greater_than_or_equal", 3)).toBe(true);
    expect(check("$.inputs.count", "greater_than_or_equal", 4)).toBe(false);
    expect(check("$.inputs.count", "less_than_or_equal", 3)).toBe(true);
    expect(check("$.inputs.count", "less_than_or_equal", 2)).toBe(false);
    expect(check("$.inputs.prompt", "greater_than", 1)).toBe(false);
    expect(check("$.inputs.missing", "less_than", 1)).toBe(false);
  });

  it("string_equals compares as text; string_matches is contains, then a regular expression, then a glob", () => {
    expect(check("$.inputs.count", "string_equals", "3")).toBe(true);
    expect(check("$.inputs.prompt", "string_equals", "A FOX")).toBe(false);
    expect(check("$.inputs.missing", "string_equals", "")).toBe(false);
    expect(check("$.gen.primary", "string_matches", ".png")).toBe(true);
    expect(check("$.gen.primary", "string_matches", ".mp4")).toBe(false);
    expect(check("$.meta.output.filename", "string_matches", "\\.(pdf|doc)$")).toBe(true);
    expect(stringMatches("photo.jpeg", "*.jpeg")).toBe(true);
    expect(stringMatches("photo.jpeg", "*.png")).toBe(false);
    expect(stringMatches(undefined, ".png")).toBe(false);
  });

  it("in / not_in test membership with the same loose equality", () => {
    expect(check("$.inputs.prompt", "in", ["a cat", "a fox"])).toBe(true);
    expect(check("$.inputs.count", "in", ["1", "3"])).toBe(true);
    expect(check("$.inputs.prompt", "in", ["a cat"])).toBe(false);
    expect(check("$.inputs.prompt", "not_in", ["gif", "bmp"])).toBe(true);
    expect(check("$.inputs.count", "not_in", [3])).toBe(false);
  });

  it("exists / not_exists / is_null / is_not_null need no value; null exists, a missing field does not", () => {
    expect(check("$.meta.output.url", "exists")).toBe(true);
    expect(check("$.meta.output.error", "exists")).toBe(false);
    expect(check("$.meta.output.error", "not_exists")).toBe(true);
    expect(check("$.inputs.nothing", "exists")).toBe(true);
    expect(check("$.inputs.nothing", "is_null")).toBe(true);
    expect(check("$.inputs.missing", "is_null")).toBe(true);
    expect(check("$.gen.primary", "is_null")).toBe(false);
    expect(check("$.gen.primary", "is_not_null")).toBe(true);
    expect(check("$.inputs.nothing", "is_not_null")).toBe(false);
    // A step that never completed reads as its (null) fields.
    expect(check("$.skipped.primary", "is_null")).toBe(true);
    expect(check("$.never_ran.primary", "not_exists")).toBe(true);
  });

  it("covers every documented operator", () => {
    expect([...OPERATORS].sort()).toEqual(
      [
        "equals",
        "not_equals",
        "greater_than",
        "less_than",
        "greater_than_or_equal",
        "less_than_or_equal",
        "string_equals",
        "string_matches",
        "in",
        "not_in",
        "exists",
        "not_exists",
        "is_null",
        "is_not_null",
      ].sort(),
    );
    expect(() => applyOperator("between", 1, 2)).toThrow(/unknown condition operator/);
  });

  it("combines with and (all), or (any), not (negate), nested, with empty and = true and empty or = false", () => {
    const png = { expression: "$.gen.primary", operator: "string_matches", value: ".png" };
    const mp4 = { expression: "$.gen.primary", operator: "string_matches", value: ".mp4" };
    const upscale = { expression: "$.inputs.upscale", operator: "equals", value: true };
    expect(evaluateCondition({ and: [png, upscale] }, scope)).toBe(true);
    expect(evaluateCondition({ and: [mp4, upscale] }, scope)).toBe(false);
    expect(evaluateCondition({ or: [mp4, png] }, scope)).toBe(true);
    expect(evaluateCondition({ or: [mp4] }, scope)).toBe(false);
    expect(evaluateCondition({ not: mp4 }, scope)).toBe(true);
    expect(evaluateCondition({ not: { and: [png, upscale] } }, scope)).toBe(false);
    expect(
      evaluateCondition({ and: [{ or: [mp4, { not: mp4 }] }, { not: { not: png } }] }, scope),
    ).toBe(true);
    expect(evaluateCondition({ and: [] }, scope)).toBe(true);
    expect(evaluateCondition({ or: [] }, scope)).toBe(false);
  });

  it("fills templates in the value and treats a non-$ expression as a literal", () => {
    expect(check("$.inputs.prompt", "equals", "{{inputs.prompt}}")).toBe(true);
    expect(check("fixed", "equals", "fixed")).toBe(true);
  });
});

describe("definition validator", () => {
  const model = (
    id: string,
    params: Record<string, unknown> = { prompt: "{{inputs.prompt}}" },
  ) => ({
    step_id: id,
    type: "model",
    model: "flux-2-pro",
    params,
  });
  const error = (steps: unknown[], extra: Record<string, unknown> = {}): string => {
    const check = validateDefinition({ version: "v1", steps, ...extra });
    if (check.ok) throw new Error("expected a problem");
    return check.error;
  };

  it("accepts steps keyed by step_id or id, and references to earlier steps and branch steps", () => {
    const check = validateDefinition({
      version: "v1",
      steps: [
        model("gen"),
        {
          id: "fan",
          type: "parallel",
          branches: [
            {
              name: "a",
              steps: [
                model("a1", { image_url: "{{gen.primary}}" }),
                model("a2", { image_url: "{{a1.primary}}" }),
              ],
            },
            { name: "b", steps: [model("b1", { image_url: "{{gen.primary}}" })] },
          ],
        },
        model("after", { prompt: "{{a2.primary}} and {{b1.primary}} and {{fan.output}}" }),
      ],
    });
    expect(check.ok).toBe(true);
  });

  it("refuses an unknown step type, naming the step", () => {
    expect(error([model("gen"), { step_id: "shell", type: "bash" }])).toBe(
      'step "shell": unknown step type "bash" (expected one of model, http, python, parallel, choice, pass)',
    );
  });

  it("refuses a reference to a step that does not exist, naming both", () => {
    expect(error([model("upscale", { image_url: "{{gen.primary}}" })])).toBe(
      'step "upscale": references unknown step "gen"',
    );
    expect(
      error([
        model("gen"),
        {
          step_id: "c",
          type: "choice",
          condition: { expression: "$.nope.primary", operator: "exists" },
          default_branch: { steps: [] },
        },
      ]),
    ).toBe('step "c": references unknown step "nope"');
  });

  it("refuses a reference to a later step, and to a step running in a sibling parallel branch", () => {
    expect(error([model("first", { image_url: "{{second.primary}}" }), model("second")])).toBe(
      'step "first": references step "second", which runs later',
    );
    expect(
      error([
        {
          step_id: "fan",
          type: "parallel",
          branches: [
            { steps: [model("a")] },
            { steps: [model("b", { image_url: "{{a.primary}}" })] },
          ],
        },
      ]),
    ).toBe(
      'step "b": references step "a", which runs concurrently in another branch of parallel step "fan"',
    );
  });

  it("refuses a dependency cycle, naming the path", () => {
    expect(error([model("a", { x: "{{b.primary}}" }), model("b", { x: "{{a.primary}}" })])).toBe(
      'step "a": dependency cycle a → b → a',
    );
    expect(error([model("self", { x: "{{self.output}}" })])).toMatch(
      /^step "self": references itself .*dependency cycle self → self$/,
    );
  });

  it("refuses a duplicate step id, also inside branches", () => {
    expect(error([model("gen"), model("gen")])).toBe('step "gen": duplicate step id');
    expect(
      error([
        model("gen"),
        { step_id: "fan", type: "parallel", branches: [{ steps: [model("gen")] }] },
      ]),
    ).toBe('step "gen": duplicate step id');
  });

  it("refuses bad operators, missing values, bad retry settings, bad http auth and a broken input_schema", () => {
    const choice = (condition: unknown) => [
      model("gen"),
      { step_id: "c", type: "choice", condition, default_branch: { steps: [] } },
    ];
    expect(
      error(choice({ expression: "$.gen.primary", operator: "looks_like", value: 1 })),
    ).toMatch(/^step "c": unknown condition operator "looks_like"/);
    expect(error(choice({ expression: "$.gen.primary", operator: "equals" }))).toBe(
      'step "c": operator "equals" needs a "value"',
    );
    expect(error([{ ...model("gen"), retry: { max_attempts: 0 } }])).toBe(
      'step "gen": retry.max_attempts must be an integer from 1 to 10',
    );
    expect(
      error([{ step_id: "h", type: "http", url: "http://127.0.0.1/x", auth: { type: "oauth" } }]),
    ).toBe('step "h": auth.type must be one of basic, bearer, api_key');
    expect(
      error([model("gen")], {
        input_schema: { type: "object", properties: { a: { type: "strin" } } },
      }),
    ).toMatch(/^definition.input_schema is not a valid JSON Schema/);
    expect(error([model("gen", { prompt: "{{gen primary}}" })])).toMatch(
      /^step "gen": invalid template/,
    );
    expect(error([])).toBe("definition.steps must be a non-empty list of steps");
  });
});
