import path from "node:path";
import type { Locator } from "@playwright/test";
import { expect, ModelPage, test } from "./support/session";

const photo = path.join(import.meta.dirname, "fixtures", "photo.png");

/** Starts playback and waits (up to 10 s, the machine may be busy) until time advances. */
async function playAndProgress(locator: Locator) {
  await locator.evaluate(async (element: HTMLMediaElement) => {
    element.muted = true;
    await element.play();
  });
  await expect
    .poll(() => locator.evaluate((element: HTMLMediaElement) => element.currentTime), {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
  return locator.evaluate((element: HTMLMediaElement) => ({
    duration: element.duration,
    time: element.currentTime,
  }));
}

test.describe("video, audio and image inputs", () => {
  test("a video model's output plays in the page", async ({ page, user: _user }) => {
    const model = new ModelPage(page);
    await model.open("veo3-1-fast");
    await model.field("Prompt").fill("waves rolling onto a beach");
    await model.run();
    await model.expectStatus("succeeded", 60_000);
    await model.expectOutputsSaved(60_000);
    const video = model.panel.locator("video");
    await expect(video).toBeVisible();
    const played = await playAndProgress(video);
    expect(played.duration).toBeGreaterThan(0.5);
    expect(played.time).toBeGreaterThan(0);
    expect(await video.evaluate((element: HTMLVideoElement) => element.videoWidth)).toBeGreaterThan(
      0,
    );
  });

  test("an audio model's output plays in the page", async ({ page, user: _user }) => {
    const model = new ModelPage(page);
    await model.open("stable-audio-2-5");
    await model.field("Prompt").fill("rain on a tin roof");
    await model.run();
    await model.expectStatus("succeeded", 60_000);
    await model.expectOutputsSaved(60_000);
    const played = await playAndProgress(model.panel.locator("audio"));
    expect(played.duration).toBeGreaterThan(0.5);
    expect(played.time).toBeGreaterThan(0);
  });

  test("upload an image into flux-2-edit and edit it", async ({ page, user: _user }) => {
    const model = new ModelPage(page);
    await model.open("flux-2-edit");
    await page.locator('input[type="file"]').first().setInputFiles(photo);
    // The drop zone uploads it through our server to the platform and shows a preview.
    await expect(page.getByRole("img", { name: /preview/i }).first()).toBeVisible({
      timeout: 15_000,
    });
    await model.field("Prompt").fill("make the sky a sunset");
    await model.run();
    await model.expectStatus("succeeded");
    await model.expectOutputsSaved();
    await expect(model.panel.locator("img").first()).toBeVisible();
  });
});
