import type { SimulatorContext } from "./context.js";

const hooks = new WeakMap<SimulatorContext, Set<() => void>>();

/**
 * Products with state of their own (each::sense sessions, built workflows)
 * register here; `POST /__simulator/reset` runs every hook of that simulator.
 */
export function onReset(ctx: SimulatorContext, hook: () => void): void {
  let set = hooks.get(ctx);
  if (set === undefined) {
    set = new Set();
    hooks.set(ctx, set);
  }
  set.add(hook);
}

export function runResetHooks(ctx: SimulatorContext): void {
  for (const hook of hooks.get(ctx) ?? []) hook();
}
