import { expect, test } from "@playwright/test";
import { AuthPages, newUser } from "./support/auth";

test.describe("the model catalog", () => {
  test("browse, search and filter without an account", async ({ page }) => {
    await page.goto("/models");
    await expect(page.getByText("24 models", { exact: true })).toBeVisible();

    const search = page.getByLabel("Search models");
    await search.fill("flux");
    await expect(page.getByText(/^\d+ of 24 models$/)).toBeVisible();
    const cards = page.getByRole("main").getByRole("link", { name: /flux/i });
    await expect(cards.first()).toBeVisible();
    await expect(page.getByRole("main").getByRole("link", { name: /veo/i })).toHaveCount(0);
    await expect(page).toHaveURL(/[?&]q=flux/);

    // What it makes and what it takes.
    await search.fill("");
    const makes = page.getByRole("group", { name: "Makes" });
    await makes.getByRole("button", { name: "Video" }).click();
    await expect(
      page.getByRole("main").getByRole("link", { name: "Veo 3", exact: true }).first(),
    ).toBeVisible();
    await expect(
      page.getByRole("main").getByRole("link", { name: "Flux 2 Max", exact: true }),
    ).toHaveCount(0);
    const takes = page.getByRole("group", { name: "Takes" });
    await takes.getByRole("button", { name: "Image" }).click();
    await expect(
      page.getByRole("main").getByRole("link", { name: "Kling 2 1 Image To Video", exact: true }),
    ).toBeVisible();
    await expect(
      page.getByRole("main").getByRole("link", { name: "Veo 3", exact: true }),
    ).toHaveCount(0);

    // A filtered view is a link someone else can open.
    const shared = page.url();
    await page.goto(shared);
    await expect(
      page.getByRole("main").getByRole("link", { name: "Kling 2 1 Image To Video", exact: true }),
    ).toBeVisible();

    await page
      .getByRole("main")
      .getByRole("link", { name: "Kling 2 1 Image To Video", exact: true })
      .click();
    await expect(page).toHaveURL("/models/kling-2-1-image-to-video");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  });

  test("the each-upscaler form renders every field and submits", async ({ page }) => {
    const auth = new AuthPages(page);
    const user = newUser();
    await auth.signUp(user, "/signup?callbackUrl=%2Fmodels%2Feach-upscaler");
    await expect(page).toHaveURL("/models/each-upscaler");
    const labels = [
      "Image",
      "Mask",
      "Prompt",
      "Negative prompt",
      "Seed",
      "Scale factor",
      "Dynamic",
      "Creativity",
      "Resemblance",
      "Tiling width",
      "Tiling height",
      "Sd model",
      "Scheduler",
      "Num inference steps",
      "Downscaling",
      "Downscaling resolution",
      "Lora links",
      "Custom sd model",
      "Sharpen",
      "Handfix",
      "Pattern",
      "Output format",
    ];
    const advanced = page.getByText("Advanced", { exact: false }).first();
    if (await advanced.isVisible()) await advanced.click();
    for (const label of labels)
      await expect(page.getByLabel(label, { exact: true }).first(), label).toBeAttached();

    await page
      .locator('input[type="file"]')
      .first()
      .setInputFiles(`${import.meta.dirname}/fixtures/photo.png`);
    await expect(page.getByRole("img", { name: /^Preview of/ }).first()).toBeVisible({
      timeout: 15_000,
    });
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page.getByTestId("run-panel")).toHaveAttribute("data-status", "succeeded", {
      timeout: 60_000,
    });
  });
});
