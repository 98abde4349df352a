// `npm run screenshots`: the gallery grid, an asset page and the usage page, after running an
// image model (two outputs), a video model and an audio model.
import { expect, type Page, test } from "@playwright/test";
import { AuthPages, newUser } from "../support/auth";
import { shoot } from "./shoot";

async function runModel(page: Page, slug: string, prompt: string, extra?: () => Promise<void>) {
  await page.goto(`/models/${slug}`);
  await page.getByLabel("Prompt", { exact: true }).fill(prompt);
  await extra?.();
  await page.getByRole("button", { name: "Run", exact: true }).click();
  await expect(page.getByTestId("run-panel")).toHaveAttribute("data-status", "succeeded", {
    timeout: 60_000,
  });
  await expect(page.getByText("Saving your output to your gallery…")).toBeHidden({
    timeout: 30_000,
  });
}

test("gallery: the grid, an asset page, its public share page and usage", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const auth = new AuthPages(page);
  const user = newUser();
  await auth.signUp(user);
  await auth.expectSignedInAs(user.email);

  await runModel(
    page,
    "flux-2-max",
    "A lighthouse on a cliff at golden hour, cinematic",
    async () => {
      await page
        .getByRole("radiogroup", { name: /Aspect ratio/ })
        .getByText("16:9", { exact: true })
        .click();
      await page.getByLabel("Num outputs value").fill("2");
    },
  );
  await runModel(page, "flux-2-max", "A tall glass of iced coffee on a marble table", async () => {
    await page
      .getByRole("radiogroup", { name: /Aspect ratio/ })
      .getByText("9:16", { exact: true })
      .click();
  });
  await runModel(page, "veo3-1-fast", "Waves rolling onto a beach at dawn");
  await runModel(page, "stable-audio-2-5", "Rain on a tin roof, distant thunder");

  await page.goto("/gallery");
  const grid = page.getByRole("list", { name: "Your gallery" });
  // Five outputs at least (the form keeps "2 outputs" for the second image run too).
  await expect.poll(() => grid.getByRole("listitem").count()).toBeGreaterThanOrEqual(5);
  // Thumbnails are lazy: let them arrive before the picture is taken.
  await page.waitForLoadState("networkidle");
  // The pointer on a picture shows its overlay (model and prompt) and its star.
  await grid
    .getByRole("link", { name: /^Image: A lighthouse/ })
    .first()
    .hover();
  await shoot(page, "gallery");

  await page.getByRole("button", { name: "Select", exact: true }).click();
  await page
    .getByRole("checkbox", { name: /^Select A lighthouse/ })
    .first()
    .check();
  await page.getByRole("checkbox", { name: /^Select Rain on a tin roof/ }).check();
  await shoot(page, "gallery-selecting");
  await page.getByRole("button", { name: "Select", exact: true }).click();

  await grid
    .getByRole("link", { name: /^Image: A lighthouse/ })
    .first()
    .click();
  await expect(page.getByRole("button", { name: "Rename" })).toBeVisible();
  await page.getByRole("button", { name: "Share", exact: true }).click();
  await expect(page.getByTestId("share-url")).toContainText("/s/");
  await page.waitForLoadState("networkidle");
  await shoot(page, "gallery-asset");

  // The public page, as someone without an account sees it.
  const shareUrl = (await page.getByTestId("share-url").textContent())!.trim();
  const visitor = await browser.newPage({
    colorScheme: test.info().project.use.colorScheme ?? "light",
  });
  await visitor.goto(shareUrl);
  await expect(visitor.getByRole("link", { name: /Try this model/ })).toBeVisible();
  await visitor.waitForLoadState("networkidle");
  await shoot(visitor, "share-page");
  await visitor.close();

  await page.goto("/gallery");
  await grid.getByRole("link", { name: /^Audio:/ }).click();
  await expect(page.getByRole("button", { name: "Rename" })).toBeVisible();
  await shoot(page, "gallery-asset-audio");

  await page.goto("/gallery/usage");
  await expect(page.getByRole("img", { name: /Runs per day/ })).toBeVisible();
  await shoot(page, "gallery-usage");
});
