import { expect, ModelPage, test } from "./support/session";
import { simulatorUrl } from "./support/simulator";

test.describe("running a model", () => {
  test("fill flux-2-max's form, run it and see the image", async ({ page, user: _user }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-max");
    await model.field("Prompt").fill("A cinematic landscape at golden hour");
    await page
      .getByRole("radiogroup", { name: /Aspect ratio/ })
      .getByText("16:9", { exact: true })
      .click();
    await expect(page.getByRole("radio", { name: "16:9" })).toBeChecked();
    await model.run();

    await expect(model.panel.getByText(/Starting|Processing|Queued/)).toBeVisible();
    await model.expectStatus("succeeded");
    await model.expectOutputsSaved();
    const image = model.panel.locator("img").first();
    await expect(image).toBeVisible();
    // A real PNG in 16:9, decoded by the browser.
    const size = await image.evaluate((img: HTMLImageElement) => ({
      w: img.naturalWidth,
      h: img.naturalHeight,
    }));
    expect(size.w).toBeGreaterThan(0);
    expect(size.w / size.h).toBeCloseTo(16 / 9, 1);
    await expect(page.getByTestId("predict-time")).toHaveText(/\d+(\.\d)? s/);
    await expect(page.getByTestId("run-cost")).toHaveText(/^\$\d/);
    await expect(page).toHaveURL(/\/models\/flux-2-max\?run=/);

    // The run has its own URL: opening it again shows the result and its inputs.
    await page.reload();
    await model.expectStatus("succeeded");
    await expect(model.field("Prompt")).toHaveValue("A cinematic landscape at golden hour");
  });

  test("re-run from history restores the inputs and makes a new run", async ({
    page,
    user: _user,
  }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-pro");
    await model.field("Prompt").fill("first idea: a red fox");
    await model.run();
    await model.expectStatus("succeeded");
    await model.field("Prompt").fill("second idea: a blue whale");
    await model.run();
    await model.expectStatus("succeeded");

    const history = page.getByRole("list", { name: "Your earlier runs" });
    await expect(history.getByRole("listitem")).toHaveCount(2);
    await history
      .getByRole("listitem")
      .filter({ hasText: "first idea" })
      .getByRole("button", { name: /^Open run/ })
      .click();
    await expect(model.field("Prompt")).toHaveValue("first idea: a red fox");

    await history
      .getByRole("listitem")
      .filter({ hasText: "first idea" })
      .getByRole("button", { name: /^Run again/ })
      .click();
    await expect(history.getByRole("listitem")).toHaveCount(3);
    await model.expectStatus("succeeded");
  });

  test("cancel a run that is still going", async ({ page, user: _user }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-pro");
    await model.field("Prompt").fill("an endless render [[hang]]");
    await model.run();
    await expect(model.panel.getByText("elapsed")).toBeVisible();
    await model.panel.getByRole("button", { name: "Cancel" }).click();
    await model.expectStatus("cancelled");
    await expect(model.panel.getByText("This run was cancelled.")).toBeVisible();
  });

  test("a failed prediction shows its logs and keeps the input", async ({ page, user: _user }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-pro");
    await model.field("Prompt").fill("a castle [[fail:GPU on fire]]");
    await model.run();
    await model.expectStatus("failed");
    await expect(page.getByTestId("run-logs")).toContainText("GPU on fire");
    await expect(model.field("Prompt")).toHaveValue("a castle [[fail:GPU on fire]]");
  });

  test("the API tab shows the same call as code", async ({ page }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-max");
    await model.field("Prompt").fill("a paper boat");
    await page.getByRole("tab", { name: "API code" }).click();
    await expect(page.getByTestId("api-code")).toContainText('"prompt": "a paper boat"');
    await expect(page.getByTestId("api-code")).toContainText("X-API-Key: YOUR_API_KEY");
    await page.getByRole("tab", { name: "Python" }).click();
    await expect(page.getByTestId("api-code")).toContainText("time.sleep(2)");
  });
});

test.describe("webhooks", () => {
  test("a forged webhook is refused and the run still finishes", async ({
    page,
    user: _user,
  }, testInfo) => {
    const model = new ModelPage(page);
    const prompt = `a lighthouse ${Date.now()} [[webhook-bad-signature]]`;
    await model.open("flux-2-pro");
    await model.field("Prompt").fill(prompt);
    await model.run();
    await model.expectStatus("succeeded");
    await model.expectOutputsSaved();

    // The simulator's delivery record shows our webhook route answering 401 to the forgery.
    const sim = simulatorUrl(testInfo);
    const { predictions } = (await (await fetch(`${sim}/__simulator/predictions`)).json()) as {
      predictions: { id: string; input: { prompt?: string } }[];
    };
    const prediction = predictions.find((p) => p.input.prompt === prompt);
    expect(prediction).toBeTruthy();
    const headers = { Authorization: "Bearer sim_local_playground" };
    await expect
      .poll(async () => {
        const delivery = (await (
          await fetch(`${sim}/v1/webhooks/${prediction!.id}`, { headers })
        ).json()) as { attempts?: { status_code: number | null }[] };
        return delivery.attempts?.map((attempt) => attempt.status_code) ?? [];
      })
      .toContain(401);
  });
});
