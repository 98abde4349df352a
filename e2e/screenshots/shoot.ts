import path from "node:path";
import type { Page } from "@playwright/test";

const DIR = path.resolve(import.meta.dirname, "../../docs/screenshots");

/** Saves the page at desktop and phone width, in the current colour scheme. */
export async function shoot(page: Page, name: string) {
  const scheme = await page.evaluate(() =>
    matchMedia("(prefers-color-scheme: dark)").matches ? "dark" : "light",
  );
  const suffix = scheme === "dark" ? "-dark" : "";
  // From the top, so the sticky header sits where it belongs in a full-page picture.
  const top = () => page.evaluate(() => window.scrollTo(0, 0));
  await page.setViewportSize({ width: 1280, height: 800 });
  await top();
  await page.screenshot({ path: path.join(DIR, `${name}-desktop${suffix}.png`), fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await top();
  await page.screenshot({ path: path.join(DIR, `${name}-phone${suffix}.png`), fullPage: true });
  await page.setViewportSize({ width: 1280, height: 800 });
}
