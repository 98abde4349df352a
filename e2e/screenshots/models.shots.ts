// `npm run screenshots`: the catalog, a model page with a result, and the settings page.
import { expect, test } from "@playwright/test";
import { AuthPages, newUser } from "../support/auth";
import { shoot } from "./shoot";

test("models: catalog, a model page with a result, settings", async ({ page }) => {
  test.setTimeout(120_000);
  const auth = new AuthPages(page);
  const user = newUser();
  await auth.signUp(user);
  await auth.expectSignedInAs(user.email);
  await page.goto("/models/flux-2-max");
  await page
    .getByLabel("Prompt", { exact: true })
    .fill("A lighthouse on a cliff at golden hour, cinematic");
  await page
    .getByRole("radiogroup", { name: /Aspect ratio/ })
    .getByText("16:9", { exact: true })
    .click();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-panel")).toHaveAttribute("data-status", "succeeded", {
    timeout: 60_000,
  });
  await expect(page.getByText("Saving your output to your gallery…")).toBeHidden({
    timeout: 30_000,
  });
  await shoot(page, "model-page-result");

  await page.goto("/models");
  await expect(page.getByText("24 models", { exact: true })).toBeVisible();
  await shoot(page, "catalog");

  await page.goto("/settings");
  await shoot(page, "settings");
});
