import type { NextRule, RuntimeConfig } from "../runtime-config.js";
import type { Fault } from "./faults.js";

/**
 * Takes one use of the first queued rule that matches this request, if any.
 * `targetedOnly` skips rules without a `path`: media downloads are hit only by
 * rules aimed at them, so a plain `{"status": 429}` stays for API calls.
 */
export function takeNextFault(
  config: RuntimeConfig,
  method: string,
  path: string,
  targetedOnly = false,
): Fault | null {
  const rule = config.nextRules.find(
    (candidate) =>
      (!targetedOnly || candidate.path !== undefined) && matches(candidate, method, path),
  );
  if (rule === undefined) return null;
  rule.remaining -= 1;
  if (rule.remaining <= 0)
    config.nextRules = config.nextRules.filter((candidate) => candidate !== rule);
  return rule.fault;
}

function matches(rule: NextRule, method: string, path: string): boolean {
  if (rule.method !== undefined && rule.method.toUpperCase() !== method.toUpperCase()) return false;
  return (
    rule.path === undefined ||
    path === rule.path ||
    path.startsWith(rule.path.endsWith("/") ? rule.path : `${rule.path}/`)
  );
}
