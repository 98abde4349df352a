import { expect, type Page } from "@playwright/test";

/** Creates one of the platform's example workflows from /workflows and opens its editor. */
export async function createExample(page: Page, name: RegExp) {
  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByRole("button", { name }).click();
  await expect(page).toHaveURL(/\/workflows\/(?!executions)[^/?]+/, { timeout: 30_000 });
  await expect(page.getByRole("tab", { name: "Steps" })).toBeVisible();
}

/** The live step list of an execution page. */
export function timeline(page: Page) {
  return page.getByRole("list", { name: "Steps" });
}

export function step(page: Page, id: string) {
  return timeline(page).locator(`[data-step-id="${id}"]`);
}

export async function expectStep(page: Page, id: string, status: string, timeout = 60_000) {
  await expect(step(page, id)).toHaveAttribute("data-status", status, { timeout });
}
