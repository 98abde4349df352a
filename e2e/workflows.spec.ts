import { createExample, expectStep, step } from "./support/workflows";
import { expect, test } from "./support/session";

test.describe("workflows", () => {
  test("the image-enhancement pipeline: create it, run it, watch both steps, find the result in the gallery", async ({
    page,
    user: _user,
  }) => {
    await createExample(page, /Image Enhancement Pipeline/);
    await page.getByRole("tab", { name: "Graph" }).click();
    await expect(page.getByRole("img", { name: "Workflow graph" })).toBeVisible();
    await page.getByRole("tab", { name: "Steps" }).click();

    await page.getByLabel("Prompt", { exact: true }).last().fill("a lighthouse at dusk");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/executions\//, { timeout: 30_000 });
    await expectStep(page, "generate", "done");
    await expectStep(page, "upscale", "done");
    await expect(step(page, "upscale").locator("img").first()).toBeVisible({ timeout: 30_000 });
    expect(await step(page, "upscale").locator("img").first().getAttribute("src")).toMatch(
      /^\/api\/assets\//,
    );

    await page.goto("/gallery?source=workflow");
    await expect(page.getByRole("list", { name: "Your gallery" }).getByRole("link")).toHaveCount(
      2,
      { timeout: 30_000 },
    );
  });

  test("a choice takes one path and skips the other", async ({ page, user: _user }) => {
    await createExample(page, /Upscale anything/);
    await page.getByLabel("Prompt", { exact: true }).last().fill("a red bicycle");
    const upscale = page
      .getByRole("switch", { name: /Upscale/ })
      .or(page.getByLabel(/Upscale/).last());
    if (await upscale.isChecked()) await upscale.click();
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/executions\//, { timeout: 30_000 });
    await expectStep(page, "step1", "done");
    await expectStep(page, "step2_default", "done");
    await expectStep(page, "step2_branch_0", "skipped");
  });

  test("parallel branches both run", async ({ page, user: _user }) => {
    await createExample(page, /Video and Edit/);
    await page.getByLabel("Prompt", { exact: true }).last().fill("a kite on a beach");
    await page
      .getByRole("textbox", { name: /Image/ })
      .last()
      .fill("https://example.com/kite.png")
      .catch(() => undefined);
    const linkBox = page.getByPlaceholder(/paste a link/).last();
    if (await linkBox.isVisible()) {
      await linkBox.fill("http://127.0.0.1:9/kite.png");
      await page.getByRole("button", { name: "Use link" }).last().click();
    }
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/executions\//, { timeout: 30_000 });
    await expectStep(page, "step1_branch_0", "done");
    await expectStep(page, "step1_branch_1", "done");
  });

  test("a fallback takes over when the primary model fails", async ({ page, user: _user }) => {
    const definition = {
      version: "v1",
      input_schema: {
        type: "object",
        properties: { subject: { type: "string" } },
        required: ["subject"],
      },
      steps: [
        {
          step_id: "generate",
          type: "model",
          model: "flux-2-max",
          params: { prompt: "{{inputs.subject}} [[fail:primary is down]]" },
          fallback: {
            enabled: true,
            model: "flux-2-pro",
            params: { prompt: "{{inputs.subject}}" },
          },
        },
      ],
    };
    const created = await page.request.post("/api/workflows", {
      data: { name: `Fallback ${Date.now()}`, definition },
    });
    expect(created.status()).toBe(201);
    const { workflow } = await created.json();
    await page.goto(`/workflows/${workflow.id}`);
    await page
      .getByLabel(/Subject/)
      .last()
      .fill("a paper boat");
    await page.getByRole("button", { name: "Run", exact: true }).click();
    await expect(page).toHaveURL(/\/workflows\/executions\//, { timeout: 30_000 });
    await expectStep(page, "generate", "done");
    await expect(step(page, "generate").getByText("Fallback used")).toBeVisible();
    await expect(step(page, "generate")).toContainText("primary is down");
  });

  test("a locked version refuses edits and says why", async ({ page, user: _user }) => {
    await createExample(page, /Image Enhancement Pipeline/);
    await page.getByRole("button", { name: "Lock", exact: true }).click();
    await expect(page.getByRole("button", { name: "Unlock", exact: true })).toBeVisible({
      timeout: 15_000,
    });
    await page.getByRole("tab", { name: "JSON" }).click();
    const json = page.getByLabel("Definition JSON");
    await json.fill(
      (await json.inputValue()).replace('"aspect_ratio": "16:9"', '"aspect_ratio": "1:1"'),
    );
    await expect(
      page.getByText("This version is locked; save a new version instead.").first(),
    ).toBeVisible();
    await page.getByRole("button", { name: "Save as new version" }).click();
    await expect(page).toHaveURL(/version=v2/, { timeout: 15_000 });
  });

  test("rename a workflow and change its description and categories", async ({
    page,
    user: _user,
  }) => {
    await createExample(page, /Image Enhancement Pipeline/);
    await page.getByRole("button", { name: "Edit details" }).click();
    const form = page.getByRole("form", { name: "Workflow details" });
    await form.getByLabel("Name").fill("");
    await form.getByRole("button", { name: "Save details" }).click();
    await expect(form.getByText("Give the workflow a name.")).toBeVisible();

    await form.getByLabel("Name").fill("Dusk lighthouses");
    await form.getByLabel("Description").fill("Makes a lighthouse, then upscales it.");
    await form.getByLabel("Categories").fill("image, coastal");
    await form.getByRole("button", { name: "Save details" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dusk lighthouses");
    await expect(page.getByText("Makes a lighthouse, then upscales it.")).toBeVisible();
    await expect(page.getByText("coastal", { exact: true })).toBeVisible();

    // Kept: upstream and in our copy, so the list and a reload show it.
    await page.reload();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Dusk lighthouses");
    await page.goto("/workflows");
    await expect(page.getByRole("link", { name: /Dusk lighthouses/ })).toBeVisible();
  });

  test("renaming a step renames every reference to it", async ({ page, user: _user }) => {
    await createExample(page, /Image Enhancement Pipeline/);
    const id = page.getByRole("article", { name: "Step generate" }).getByLabel("Step id");
    await id.fill("make_image");
    await id.press("Enter");
    await expect(page.getByRole("article", { name: "Step make_image" })).toBeVisible();
    await expect(page.getByRole("list", { name: "Problems" })).toHaveCount(0);
    await page.getByRole("tab", { name: "JSON" }).click();
    const json = await page.getByLabel("Definition JSON").inputValue();
    expect(json).toContain("{{make_image.primary}}");
    expect(json).not.toContain("{{generate.");
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(page.getByText(/^Saved v1\./)).toBeVisible({ timeout: 15_000 });
  });

  test("steps are reordered by dragging, and validation follows the new order", async ({
    page,
    user: _user,
  }) => {
    // Tall enough that both cards are on screen: a drag does not scroll the page.
    await page.setViewportSize({ width: 1280, height: 2400 });
    await createExample(page, /Image Enhancement Pipeline/);
    const cards = page.locator("[data-step-card]");
    await expect(cards).toHaveCount(2);
    await page
      .locator('[data-drag-handle="upscale"]')
      .dragTo(page.getByRole("article", { name: "Step generate" }));
    await expect(cards.first()).toHaveAttribute("data-step-card", "upscale");
    await expect(page.getByRole("list", { name: "Problems" })).toContainText(
      'references step "generate", which runs later',
    );
    // And back with the keyboard's way, Move up.
    await page
      .getByRole("article", { name: "Step generate" })
      .getByRole("button", { name: "Move up" })
      .click();
    await expect(cards.first()).toHaveAttribute("data-step-card", "generate");
    await expect(page.getByRole("list", { name: "Problems" })).toHaveCount(0);
  });

  test("a bulk run of three rows makes three executions", async ({ page, user: _user }) => {
    await createExample(page, /Image Enhancement Pipeline/);
    await page.getByLabel("Paste CSV").fill('prompt\na fox\nan owl\n"a bear, sleeping"');
    await page.getByRole("button", { name: "Bulk run" }).click();
    await expect(page.getByRole("link", { name: "Open execution" })).toHaveCount(3, {
      timeout: 30_000,
    });
  });

  test("each::sense builds a workflow from a sentence", async ({ page, user: _user }) => {
    await page.goto("/workflows");
    await page
      .getByLabel("Describe a workflow")
      .fill("Create a workflow that generates an image and then upscales it");
    await page.getByRole("button", { name: "Build with each::sense" }).click();
    const answers = page.getByRole("group", { name: "Answers" });
    await expect(answers.or(page.getByRole("tab", { name: "Steps" }))).toBeVisible({
      timeout: 30_000,
    });
    if (await answers.isVisible()) await answers.getByRole("button").first().click();
    await expect(page.getByRole("tab", { name: "Steps" })).toBeVisible({ timeout: 30_000 });
    await expect(page).toHaveURL(/\/workflows\/(?!executions)[^/?]+/);
  });

  test("an invalid definition is refused, naming the step", async ({ page, user: _user }) => {
    await createExample(page, /Image Enhancement Pipeline/);
    await page.getByRole("tab", { name: "JSON" }).click();
    const json = page.getByLabel("Definition JSON");
    await json.fill((await json.inputValue()).replace("{{generate.primary}}", "{{gen.primary}}"));
    const problems = page.getByRole("list", { name: "Problems" });
    await expect(problems).toContainText('Step "upscale"');
    await expect(problems).toContainText('"gen"');
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeDisabled();

    // The server refuses it too, before anything reaches each::labs.
    const definition = JSON.parse(await json.inputValue());
    const refused = await page.request.post("/api/workflows", {
      data: { name: "Broken", definition },
    });
    expect(refused.status()).toBe(400);
    expect((await refused.json()).error.message).toContain('Step "upscale"');
  });
});
