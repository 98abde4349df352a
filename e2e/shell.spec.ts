import { expect, test } from "@playwright/test";

test.describe("the app shell", () => {
  test("shows navigation, sign-in links and the simulator footer on desktop", async ({ page }) => {
    await page.goto("/");
    const nav = page.getByRole("navigation", { name: "Main" });
    for (const label of ["Models", "Chat", "Workflows", "Gallery"]) {
      await expect(nav.getByRole("link", { name: label })).toBeVisible();
    }
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
    await expect(page.getByTestId("upstream-status")).toContainText("each::labs simulator");
    await nav.getByRole("link", { name: "Models" }).click();
    await expect(page).toHaveURL("/models");
    await expect(nav.getByRole("link", { name: "Models" })).toHaveAttribute("aria-current", "page");
  });

  test.describe("at phone width", () => {
    test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

    test("the menu button opens the navigation and a link closes it", async ({ page }) => {
      await page.goto("/");
      await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
      await page.getByRole("button", { name: "Open menu" }).click();
      const menu = page.locator("#mobile-menu");
      await expect(menu.getByRole("link", { name: "Workflows" })).toBeVisible();
      await expect(menu.getByRole("link", { name: "Sign up" })).toBeVisible();
      await menu.getByRole("link", { name: "Models" }).click();
      await expect(page).toHaveURL("/models");
      await expect(menu).toBeHidden();
      // Nothing overflows sideways at phone width.
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow).toBeLessThanOrEqual(0);
    });
  });
});
