import type { Experimental_DefaultFormStateBehavior } from "@rjsf/utils";

/**
 * rjsf 6.11.1 drops the value of any field whose schema uses `allOf` when it recomputes
 * defaults (STACK-NOTES.md, "rjsf and allOf"): Cog-style `{"allOf": [{"$ref": …}]}` enums then
 * vanish from the submitted input. prepareSchema already merges `allOf` away; this keeps any
 * `allOf` that reaches rjsf anyway safe. tests cover both layers.
 */
export const defaultFormStateBehavior: Experimental_DefaultFormStateBehavior = {
  allOf: "populateDefaults",
};
