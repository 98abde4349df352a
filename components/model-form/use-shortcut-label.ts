"use client";
import { useSyncExternalStore } from "react";

const subscribe = () => () => {};
const isApple = () => /mac|iphone|ipad/i.test(navigator.userAgent);

/** "⌘" on Apple devices, "Ctrl" elsewhere; "Ctrl" while server-rendering, to hydrate cleanly. */
export function useShortcutModifier(): string {
  return useSyncExternalStore(
    subscribe,
    () => (isApple() ? "⌘" : "Ctrl"),
    () => "Ctrl",
  );
}
