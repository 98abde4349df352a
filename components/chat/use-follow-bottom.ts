"use client";
import { useEffect, type RefObject } from "react";

/** How close to the end counts as "reading the latest": a little more than one line. */
const NEAR_PX = 120;

/**
 * Keeps the end of the chat in view while it grows (text, steps, an image that loads),
 * unless the person scrolled up to read something earlier. The page scrolls (not a box,
 * which phones handle best), with the composer docked over its bottom edge.
 */
export function useFollowBottom(
  list: RefObject<HTMLElement | null>,
  dock: RefObject<HTMLElement | null>,
) {
  useEffect(() => {
    const element = list.current;
    if (!element || typeof ResizeObserver === "undefined") return;
    // How far the end of the messages lies below the composer's top edge.
    const overshoot = () =>
      element.getBoundingClientRect().bottom -
      Math.min(dock.current?.getBoundingClientRect().top ?? Infinity, window.innerHeight);
    let following = true;
    const onScroll = () => {
      following = overshoot() <= NEAR_PX;
    };
    const observer = new ResizeObserver(() => {
      const distance = overshoot();
      if (following && distance > 0) window.scrollBy({ top: distance });
    });
    observer.observe(element);
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => {
      observer.disconnect();
      window.removeEventListener("scroll", onScroll);
    };
  }, [list, dock]);
}
