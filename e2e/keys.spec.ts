// A person's own each::labs key: stored encrypted, shown only as its last 4 characters,
// used for their runs, deletable, and never sent to any browser.
import { configureSimulator, simulatorUrl } from "./support/simulator";
import { expect, ModelPage, test } from "./support/session";

const SERVER_KEY = "sim_local_playground";
const OWN_KEY = "ek_test_own_key_7Q2x";

test.afterEach(async ({}, testInfo) => {
  await fetch(`${simulatorUrl(testInfo)}/__simulator/reset`, { method: "POST" });
});

test("save a key, run with it, see it refused, delete it", async ({
  page,
  user: _user,
}, testInfo) => {
  await configureSimulator(testInfo, { keys: [SERVER_KEY, OWN_KEY] });
  await page.goto("/settings");
  await page.getByLabel("Your each::labs API key").fill(OWN_KEY);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByTestId("key-last4")).toHaveText("…7Q2x");
  await expect(page.getByLabel("Replace with a new key")).toHaveValue("");

  const model = new ModelPage(page);
  await model.open("flux-2-pro");
  await model.field("Prompt").fill("a lantern");
  await model.run();
  await model.expectStatus("succeeded");
  await expect(model.panel.getByText("yours")).toBeVisible();

  // The platform stops accepting it: the run says so and points to Settings.
  await configureSimulator(testInfo, { keys: [SERVER_KEY] });
  await model.run();
  await expect(page.getByText("Your API key was refused")).toBeVisible();

  await page.goto("/settings");
  await page.getByRole("button", { name: "Delete key" }).click();
  await expect(page.getByText(/No key saved/)).toBeVisible();
  await model.open("flux-2-pro");
  await model.field("Prompt").fill("a lantern again");
  await model.run();
  await model.expectStatus("succeeded");
});

test("a key the platform refuses is not saved", async ({ page, user: _user }) => {
  await page.goto("/settings");
  await page.getByLabel("Your each::labs API key").fill("ek_not_a_real_key_123");
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(
    page.getByText("each::labs refused this key. Check that you copied all of it."),
  ).toBeVisible();
  await expect(page.getByText(/No key saved/)).toBeVisible();
});

test("no key ever reaches the browser: not in responses, not in the bundle", async ({
  page,
  user: _user,
}, testInfo) => {
  await configureSimulator(testInfo, { keys: [SERVER_KEY, OWN_KEY] });
  const bodies: string[] = [];
  page.on("response", async (response) => {
    const type = response.headers()["content-type"] ?? "";
    if (/json|javascript|html|text/.test(type)) bodies.push(await response.text().catch(() => ""));
  });
  await page.goto("/settings");
  await page.getByLabel("Your each::labs API key").fill(OWN_KEY);
  await page.getByRole("button", { name: "Save key" }).click();
  await expect(page.getByTestId("key-last4")).toBeVisible();
  const model = new ModelPage(page);
  await model.open("flux-2-max");
  await model.field("Prompt").fill("a compass");
  await model.run();
  await model.expectStatus("succeeded");
  await page.goto("/models");
  await page.goto("/settings");

  // Every script the app ships, fetched directly as well.
  const scripts = await page.evaluate(() =>
    Array.from(document.scripts, (script) => script.src).filter(Boolean),
  );
  for (const src of scripts) bodies.push(await (await page.request.get(src)).text());

  expect(bodies.length).toBeGreaterThan(5);
  for (const body of bodies) {
    expect(body).not.toContain(OWN_KEY);
    expect(body).not.toContain(SERVER_KEY);
  }
});
