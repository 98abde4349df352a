import { execFileSync } from "node:child_process";
import fs from "node:fs";
import type { Page } from "@playwright/test";
import { AuthPages, newUser } from "./support/auth";
import { expect, ModelPage, test } from "./support/session";

/** Runs a model from its page and waits until its outputs are in the gallery. */
async function make(page: Page, slug: string, prompt: string) {
  const model = new ModelPage(page);
  await model.open(slug);
  await model.field("Prompt").fill(prompt);
  await model.run();
  await model.expectStatus("succeeded", 60_000);
  await model.expectOutputsSaved(60_000);
}

async function selectionMode(page: Page) {
  const toggle = page.getByRole("button", { name: "Select", exact: true });
  if ((await toggle.getAttribute("aria-pressed")) !== "true") await toggle.click();
}

function tile(page: Page, text: string | RegExp) {
  return page.getByRole("list", { name: "Your gallery" }).getByRole("link", { name: text });
}

test.describe("the gallery", () => {
  test("keep, find, favourite, delete and undo, download, share and unshare", async ({
    page,
    browser,
    user: _user,
  }) => {
    test.setTimeout(180_000);
    await make(page, "flux-2-pro", "a red fox in the snow");
    await make(page, "stable-audio-2-5", "rain on a tin roof");
    await make(page, "veo3-1-fast", "waves at dawn");

    // Find them, newest first, and filter.
    await page.goto("/gallery");
    await expect(tile(page, /waves at dawn/)).toBeVisible();
    await expect(tile(page, /rain on a tin roof/)).toBeVisible();
    await expect(tile(page, /a red fox in the snow/)).toBeVisible();
    await page.getByRole("group", { name: "Kind" }).getByRole("button", { name: "Video" }).click();
    await expect(tile(page, /waves at dawn/)).toBeVisible();
    await expect(tile(page, /a red fox/)).toHaveCount(0);
    await page.getByRole("group", { name: "Kind" }).getByRole("button", { name: "Video" }).click();
    await page.getByLabel("Search prompts").fill("fox");
    await expect(tile(page, /a red fox/)).toBeVisible();
    await expect(tile(page, /waves at dawn/)).toHaveCount(0);

    // Open one; open it in the playground with its inputs.
    await tile(page, /a red fox/).click();
    await expect(page).toHaveURL(/\/gallery\/[^/]+$/);
    const assetUrl = page.url();
    await expect(page.getByText("a red fox in the snow").first()).toBeVisible();
    await page.getByRole("link", { name: "Open in playground" }).click();
    await expect(page).toHaveURL(/\/models\/flux-2-pro\?run=/);
    await expect(page.getByLabel("Prompt", { exact: true })).toHaveValue("a red fox in the snow");

    // Favourite, then the favourites filter finds it.
    await page.goto(assetUrl);
    await page.getByRole("button", { name: "Favourite" }).click();
    await expect(page.getByRole("button", { name: "Favourite" })).toHaveAttribute(
      "aria-pressed",
      "true",
    );
    // Lit at once; confirmed by the server when it is no longer busy.
    await expect(page.getByRole("button", { name: "Favourite" })).toHaveAttribute(
      "aria-busy",
      "false",
    );
    await page.goto("/gallery?favorites=1");
    await expect(tile(page, /a red fox/)).toBeVisible();
    await expect(tile(page, /rain on a tin roof/)).toHaveCount(0);

    // Download one: a readable name with the model, the prompt and the right extension.
    await page.goto(assetUrl);
    const [single] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("link", { name: "Download" }).click(),
    ]);
    expect(single.suggestedFilename()).toMatch(
      /^flux-2-pro-a-red-fox-in-the-snow-[a-z0-9]{8}\.png$/,
    );

    // Share, and open the public page in a fresh browser without a session.
    await page.getByRole("checkbox", { name: "Hide prompt on the public page" }).uncheck();
    await page.getByRole("button", { name: "Share", exact: true }).click();
    const shareUrl = (await page.getByTestId("share-url").textContent())!.trim();
    expect(shareUrl).toMatch(/\/s\/[A-Za-z0-9_-]{22,}$/);
    const visitor = await browser.newContext();
    const publicPage = await visitor.newPage();
    await publicPage.goto(shareUrl);
    await expect(publicPage.getByTestId("shared-prompt")).toHaveText("a red fox in the snow");
    await expect(publicPage.getByRole("link", { name: /Try this model/ })).toHaveAttribute(
      "href",
      "/models/flux-2-pro",
    );
    const ogImage = await publicPage.locator('meta[property="og:image"]').getAttribute("content");
    expect(ogImage).toMatch(/^http.*\/s\/.+\/thumb\?w=640$/);
    expect((await publicPage.request.get(ogImage!)).headers()["content-type"]).toBe("image/webp");
    await expect(publicPage.locator('meta[name="twitter:card"]')).toHaveAttribute(
      "content",
      "summary_large_image",
    );

    // Unshare: the page is gone at once.
    await page.getByRole("button", { name: "Unshare" }).click();
    await expect(page.getByTestId("share-url")).toHaveCount(0);
    expect((await publicPage.goto(shareUrl))?.status()).toBe(404);
    await visitor.close();

    // Delete and undo, then delete for good.
    await page.goto("/gallery");
    await selectionMode(page);
    await page.getByRole("checkbox", { name: /Select rain on a tin roof/ }).check();
    await page.getByRole("button", { name: "Delete", exact: true }).click();
    await expect(tile(page, /rain on a tin roof/)).toHaveCount(0);
    await page.getByRole("button", { name: "Undo" }).click();
    await expect(tile(page, /rain on a tin roof/)).toBeVisible();

    // A zip of several, with a manifest of each asset's inputs.
    await selectionMode(page);
    for (const name of [/Select a red fox/, /Select waves at dawn/]) {
      const box = page.getByRole("checkbox", { name });
      if (!(await box.isChecked())) await box.check();
    }
    const [zip] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download", exact: true }).click(),
    ]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    const zipPath = test.info().outputPath("gallery.zip");
    await zip.saveAs(zipPath);
    const listing = execFileSync("python3", ["-m", "zipfile", "-l", zipPath], { encoding: "utf8" });
    expect(listing).toMatch(/flux-2-pro-a-red-fox-in-the-snow-[a-z0-9]{8}\.png/);
    expect(listing).toMatch(/veo3-1-fast-waves-at-dawn-[a-z0-9]{8}\.mp4/);
    expect(listing).toContain("manifest.json");
    const manifest = JSON.parse(
      execFileSync(
        "python3",
        [
          "-c",
          "import sys,zipfile; print(zipfile.ZipFile(sys.argv[1]).read('manifest.json').decode())",
          zipPath,
        ],
        { encoding: "utf8" },
      ),
    );
    expect(
      manifest.assets.map((a: { inputs: { prompt: string } }) => a.inputs.prompt).sort(),
    ).toEqual(["a red fox in the snow", "waves at dawn"]);
    expect(fs.statSync(zipPath).size).toBeGreaterThan(1000);
  });

  test("another person reaches none of it, through any route", async ({
    page,
    browser,
    user: _user,
  }) => {
    await make(page, "flux-2-pro", "a private lighthouse");
    await page.goto("/gallery");
    await tile(page, /a private lighthouse/).click();
    const id = page.url().split("/").pop()!;

    const intruder = await browser.newContext();
    const other = await intruder.newPage();
    const auth = new AuthPages(other);
    const otherUser = newUser();
    await auth.signUp(otherUser);
    await auth.expectSignedInAs(otherUser.email);
    const api = other.request;
    const attempts = [
      api.get(`/api/assets/${id}`),
      api.get(`/api/assets/${id}/file`),
      api.get(`/api/assets/${id}/file?download=1`),
      api.get(`/api/assets/${id}/thumb?w=256`),
      api.patch(`/api/assets/${id}`, { data: { favorite: true } }),
      api.delete(`/api/assets/${id}`),
      api.post(`/api/assets/${id}/share`, { data: { hidePrompt: false } }),
      api.get(`/api/downloads/zip?ids=${id}`),
    ];
    for (const response of await Promise.all(attempts))
      expect(response.status(), response.url()).toBe(404);
    expect(
      (await api.post("/api/assets/bulk", { data: { action: "delete", ids: [id] } })).ok(),
    ).toBe(true);
    expect((await other.goto(`/gallery/${id}`))?.status()).toBe(404);
    const theirs = await (await api.get("/api/assets")).json();
    expect(theirs.assets).toEqual([]);
    // Guessing share ids finds nothing.
    for (const guess of ["AAAAAAAAAAAAAAAAAAAAAAAA", id, "x".repeat(24)])
      expect((await api.get(`/s/${guess}`)).status()).toBe(404);
    await intruder.close();

    // The owner still has it, untouched by the intruder's bulk delete.
    await page.reload();
    await expect(page.getByText("a private lighthouse").first()).toBeVisible();
  });
});
