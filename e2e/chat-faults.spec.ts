// Chat failures, produced by switching this project's own simulator (see playwright.config).
import { ChatPage } from "./support/chat";
import { configureSimulator, simulatorUrl } from "./support/simulator";
import { expect, test } from "./support/session";

test.afterEach(async ({}, testInfo) => {
  await fetch(`${simulatorUrl(testInfo)}/__simulator/reset`, { method: "POST" });
});

test("a dropped stream marks the reply interrupted, keeps what arrived, and Retry works", async ({
  page,
  user: _user,
}, testInfo) => {
  await configureSimulator(testInfo, { sense: { dropAfterEvents: 3 } });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.send("Generate a koi pond at night");
  await chat.expectLastReply("interrupted", 30_000);
  await expect(
    chat
      .lastReply()
      .getByText(/Interrupted/i)
      .first(),
  ).toBeVisible();
  await expect(chat.lastReply().getByText("Thinking")).toBeVisible();

  await fetch(`${simulatorUrl(testInfo)}/__simulator/reset`, { method: "POST" });
  await chat.lastReply().getByRole("button", { name: "Retry" }).click();
  await chat.expectLastReply("complete");
  await expect(chat.lastReply().locator("img").first()).toBeVisible({ timeout: 30_000 });
});

test("an error event shows inline with its code and a Retry", async ({ page, user: _user }) => {
  const chat = new ChatPage(page);
  await chat.open();
  await chat.send("Generate a glacier [[sense-error:TIMEOUT]]");
  await chat.expectLastReply("failed", 30_000);
  await expect(chat.lastReply().getByText(/TIMEOUT/)).toBeVisible();
  await expect(chat.lastReply().getByRole("button", { name: "Retry" })).toBeVisible();
});

test("a refused key keeps the message and says what to do", async ({
  page,
  user: _user,
}, testInfo) => {
  await configureSimulator(testInfo, { keys: ["someone-elses-key"] });
  const chat = new ChatPage(page);
  await chat.open();
  await chat.send("Generate a harbour at dawn");
  await expect(page.getByText(/API key was refused/).first()).toBeVisible({ timeout: 15_000 });
});
