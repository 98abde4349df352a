// Every way a run can fail, each produced by switching this project's own simulator into
// that failure (never by mocking our code). Tests run one at a time (see playwright.config).
import { configureSimulator, simulatorUrl } from "./support/simulator";
import type { Page } from "@playwright/test";
import { expect, ModelPage, test } from "./support/session";

test.afterEach(async ({}, testInfo) => {
  await fetch(`${simulatorUrl(testInfo)}/__simulator/reset`, { method: "POST" });
});

const createPrediction = { path: "/v1/prediction", method: "POST" };

async function startRun(page: Page, prompt = "a quiet harbour") {
  const model = new ModelPage(page);
  await model.open("flux-2-pro");
  await model.field("Prompt").fill(prompt);
  await model.run();
  return model;
}

test.describe("when each::labs says no", () => {
  test("a refused key shows the settings link and keeps the form", async ({
    page,
    user: _user,
  }, testInfo) => {
    await configureSimulator(testInfo, { keys: ["someone-elses-key"] });
    const model = await startRun(page);
    await expect(page.getByText("Your API key was refused")).toBeVisible();
    await expect(page.getByRole("link", { name: "Check your key in Settings" })).toHaveAttribute(
      "href",
      "/settings",
    );
    await expect(model.field("Prompt")).toHaveValue("a quiet harbour");
  });

  test("a rate limit is retried with backoff, then says when to try again", async ({
    page,
    user: _user,
  }, testInfo) => {
    await configureSimulator(testInfo, {
      next: { status: 429, count: 3, retryAfter: 1, ...createPrediction },
    });
    const started = Date.now();
    await startRun(page);
    await expect(page.getByText("Rate limited")).toBeVisible({ timeout: 20_000 });
    // Three attempts with waits of 1 s and 2 s in between.
    expect(Date.now() - started).toBeGreaterThan(2_500);
    await expect(page.getByText(/You can try again in \d+ s/)).toBeVisible();
    await expect(page.getByRole("button", { name: "Try again" })).toBeVisible({ timeout: 5_000 });
    await page.getByRole("button", { name: "Try again" }).click();
    await new ModelPage(page).expectStatus("succeeded");
  });

  test("server errors are retried and the run still succeeds", async ({
    page,
    user: _user,
  }, testInfo) => {
    await configureSimulator(testInfo, {
      next: [
        { status: 500, ...createPrediction },
        { status: 503, ...createPrediction },
      ],
    });
    const model = await startRun(page);
    await model.expectStatus("succeeded");
  });

  test("server errors that persist end with a clear message and a Retry", async ({
    page,
    user: _user,
  }, testInfo) => {
    await configureSimulator(testInfo, { next: { status: 502, count: 3, ...createPrediction } });
    await startRun(page);
    await expect(page.getByText("The run could not start")).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(/each::labs had a problem \(HTTP 502\)/)).toBeVisible();
    await page.getByRole("button", { name: "Retry" }).click();
    await new ModelPage(page).expectStatus("succeeded");
  });

  test("a too-low balance says so with the platform's figure", async ({
    page,
    user: _user,
  }, testInfo) => {
    await configureSimulator(testInfo, { dialect: "official", balance: 0.001 });
    await startRun(page);
    await expect(page.getByText("Your balance is too low")).toBeVisible();
    await expect(page.getByText(/balance \(\$0\.00/)).toBeVisible();
  });

  test("an answer that never comes times out and is reported", async ({
    page,
    user: _user,
  }, testInfo) => {
    await configureSimulator(testInfo, {
      next: { fault: "timeout:1500", count: 3, ...createPrediction },
    });
    await startRun(page);
    await expect(page.getByText("The run could not start")).toBeVisible({ timeout: 30_000 });
  });

  test("invalid input is refused at the field before anything runs", async ({
    page,
    user: _user,
  }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-pro");
    await model.run();
    await expect(page.getByText(/required/i).first()).toBeVisible();
    await expect(model.panel).toHaveCount(0);

    const response = await page.request.post("/api/runs", {
      data: { model: "flux-2-max", input: { prompt: "x", num_outputs: 9 } },
    });
    expect(response.status()).toBe(422);
    expect((await response.json()).error.fields).toEqual({ num_outputs: "Must be at most 4." });
  });
});

test("an upload that is not an image, video or audio file is refused before it reaches each::labs", async ({
  page,
  user: _user,
}) => {
  const response = await page.request.post("/api/uploads", {
    headers: { "Content-Type": "text/html" },
    data: "<p>not media</p>",
  });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toBe(
    "Upload an image, a video or an audio file (this one is text/html).",
  );
});
