// `npm run screenshots`: the workflows list, the editor (steps, JSON, graph) and an
// execution page, after creating the image-enhancement example and running it.
import { expect, test } from "@playwright/test";
import { AuthPages, newUser } from "../support/auth";
import { shoot } from "./shoot";

test("workflows: list, editor, graph and an execution", async ({ page }) => {
  test.setTimeout(240_000);
  const auth = new AuthPages(page);
  const user = newUser();
  await auth.signUp(user);
  await auth.expectSignedInAs(user.email);

  await page.goto("/workflows");
  await page.getByRole("button", { name: "New workflow" }).click();
  await page.getByRole("button", { name: /Image Enhancement Pipeline/ }).click();
  await page.waitForURL(/\/workflows\/(?!executions)[^/?]+/, { timeout: 60_000 });
  await expect(page.getByRole("heading", { name: "Image Enhancement Pipeline" })).toBeVisible();
  await expect(page.getByRole("tab", { name: "Steps" })).toHaveAttribute("aria-selected", "true");
  // The step forms come from the models' schemas.
  await expect(page.getByRole("article", { name: "Step upscale", exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shoot(page, "workflow-editor");

  await page.getByRole("button", { name: "Edit details" }).click();
  await expect(page.getByRole("form", { name: "Workflow details" })).toBeVisible();
  await shoot(page, "workflow-details");
  await page.getByRole("button", { name: "Cancel", exact: true }).click();

  await page.getByRole("tab", { name: "JSON" }).click();
  await expect(page.getByLabel("Definition JSON")).toContainText('"topaz-upscale-image"');
  await shoot(page, "workflow-editor-json");

  await page.getByRole("tab", { name: "Graph" }).click();
  await expect(page.getByRole("img", { name: "Workflow graph" })).toBeVisible();
  await shoot(page, "workflow-graph");

  const run = page.getByRole("region", { name: /^Run/ });
  await run.getByLabel("Prompt").fill("A lighthouse on a cliff at golden hour");
  await run.getByRole("button", { name: "Run", exact: true }).click();
  await page.waitForURL(/\/workflows\/executions\//, { timeout: 30_000 });
  const execution = page.getByTestId("execution");
  await expect(execution).toHaveAttribute("data-status", "completed", { timeout: 120_000 });
  await expect(page.getByText("Saving outputs to your gallery…")).toBeHidden({ timeout: 60_000 });
  await expect(
    page.getByRole("list", { name: "Steps" }).locator('[data-step-id="upscale"]'),
  ).toHaveAttribute("data-status", "done");
  await page.waitForLoadState("networkidle");
  await shoot(page, "workflow-execution");

  await page.goto("/workflows");
  await expect(
    page.getByRole("list", { name: "Your workflows" }).getByRole("listitem"),
  ).toHaveCount(1);
  await shoot(page, "workflows");
});

test("workflows: branches, problems, bulk run, sharing and each::sense", async ({
  page,
  browser,
}) => {
  test.setTimeout(240_000);
  const auth = new AuthPages(page);
  const user = newUser();
  await auth.signUp(user);
  await auth.expectSignedInAs(user.email);

  // each::sense asks first when the sentence names no step.
  await page.goto("/workflows");
  await page.getByLabel("Describe a workflow").fill("make a workflow");
  await page.getByRole("button", { name: "Build with each::sense" }).click();
  await expect(page.getByText("each::sense asks:")).toBeVisible({ timeout: 60_000 });
  await shoot(page, "workflows-build-question");

  const example = async (name: RegExp) => {
    await page.goto("/workflows");
    await page.getByRole("button", { name: "New workflow" }).click();
    await page.getByRole("button", { name }).click();
    await page.waitForURL(/\/workflows\/(?!executions)[^/?]+/, { timeout: 60_000 });
    await expect(page.getByRole("tab", { name: "Steps" })).toBeVisible();
  };

  await example(/Upscale anything/);
  await expect(page.getByRole("article", { name: "Step step2", exact: true })).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shoot(page, "workflow-editor-choice");
  // Run it with upscaling off: the default branch runs, the other is skipped.
  const runChoice = page.getByRole("region", { name: /^Run/ });
  await runChoice.getByLabel("Prompt").fill("A red bicycle against a white wall");
  await runChoice.getByRole("switch", { name: "Upscale" }).click();
  await runChoice.getByRole("button", { name: "Run", exact: true }).click();
  await page.waitForURL(/\/workflows\/executions\//, { timeout: 30_000 });
  await expect(page.getByTestId("execution")).toHaveAttribute("data-status", "completed", {
    timeout: 120_000,
  });
  const steps = page.getByRole("list", { name: "Steps" });
  await expect(steps.locator('[data-step-id="step2_branch_0"]')).toHaveAttribute(
    "data-status",
    "skipped",
  );
  await expect(page.getByText("Saving outputs to your gallery…")).toBeHidden({ timeout: 60_000 });
  await shoot(page, "workflow-execution-choice");

  await example(/Video and Edit/);
  await expect(
    page.getByRole("article", { name: "Step step1_branch_1", exact: true }),
  ).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shoot(page, "workflow-editor-parallel");
  await page.getByRole("tab", { name: "Graph" }).click();
  await shoot(page, "workflow-graph-parallel");

  await example(/Image Enhancement Pipeline/);
  // A repeated id is named at once, on the step, and Save says why it waits.
  await page
    .getByRole("article", { name: "Step upscale", exact: true })
    .getByLabel("Step id", { exact: true })
    .fill("generate");
  await expect(page.getByRole("list", { name: "Problems" })).toContainText("duplicate step id");
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await shoot(page, "workflow-editor-problems");
  await page
    .getByRole("article", { name: "Step generate", exact: true })
    .nth(1)
    .getByLabel("Step id", { exact: true })
    .fill("upscale");
  await expect(page.getByRole("list", { name: "Problems" })).toBeHidden();

  await page.getByRole("switch", { name: "Share" }).click();
  const link = page.getByTestId("workflow-share-url");
  await expect(link).toContainText("/w/", { timeout: 30_000 });
  const shareUrl = (await link.textContent())!.trim();

  const bulk = page.getByRole("region", { name: "Bulk run" });
  await bulk.getByLabel("Paste CSV").fill('prompt\n"A fox, running in snow"\nAn owl at dusk');
  await expect(bulk.getByLabel("Row 2 prompt")).toHaveValue("An owl at dusk");
  await bulk.getByRole("button", { name: "Bulk run" }).click();
  await expect(bulk.getByRole("link", { name: "Open execution" })).toHaveCount(2, {
    timeout: 60_000,
  });
  await shoot(page, "workflow-bulk");

  const visitor = await browser.newPage({
    colorScheme: test.info().project.use.colorScheme ?? "light",
  });
  await visitor.goto(shareUrl);
  await expect(visitor.getByRole("img", { name: "Workflow graph" })).toBeVisible();
  await expect(visitor.getByRole("button", { name: "Sign in to run" })).toBeVisible();
  await shoot(visitor, "workflow-public");
  await visitor.close();

  // Edit: a new model step whose form loads once its model is picked; save; a new version; lock.
  await page.getByRole("button", { name: "Add step", exact: true }).click();
  const added = page.getByRole("article", { name: "Step generate_2", exact: true });
  await added.getByRole("searchbox").fill("nano banana");
  await added.getByRole("button", { name: /Nano Banana Pro/ }).click();
  await expect(added.getByLabel("Prompt", { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("list", { name: "Problems" })).toBeHidden();
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Saved v1.")).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Save as new version" }).click();
  await expect(page.getByText(/Saved as v2/)).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Lock", exact: true }).click();
  await expect(page.getByRole("button", { name: "Unlock" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByText("This version is locked; save a new version instead.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();
  await shoot(page, "workflow-editor-locked");
});
