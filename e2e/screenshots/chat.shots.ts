// `npm run screenshots`: the chat with each::sense — the empty page, a conversation with an
// image and a follow-up, a clarifying question, and a plan waiting for approval.
import { expect, type Page, test } from "@playwright/test";
import { AuthPages, newUser } from "../support/auth";
import { shoot } from "./shoot";

const replies = (page: Page) => page.getByRole("article", { name: "each::sense" });

async function send(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

/** Waits until the latest reply is complete and every file in it has its stored copy. */
async function settle(page: Page, count: number) {
  // Emptied once the server accepted the message.
  await expect(page.getByRole("textbox", { name: "Message" })).toHaveValue("");
  await expect(replies(page)).toHaveCount(count, { timeout: 30_000 });
  await expect(replies(page).last()).toHaveAttribute("data-status", "complete", {
    timeout: 90_000,
  });
  await expect(page.getByTestId("media-saving")).toHaveCount(0, { timeout: 60_000 });
}

/**
 * A full-page picture cannot show a composer docked to the bottom of the screen (it would
 * float mid-conversation), so for the picture it sits where it ends: after the messages.
 */
async function shootChat(page: Page, name: string) {
  const style = await page.addStyleTag({
    content: "[data-composer-dock] { position: static !important; }",
  });
  await shoot(page, name);
  // Nothing may push the page sideways at phone width.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.setViewportSize({ width: 1280, height: 800 });
  await style.evaluate((element) => (element as Element).remove());
}

async function newChat(page: Page) {
  const button = page.getByRole("button", { name: "New chat" });
  // At phone width the list (and its New chat) hides behind a button.
  if (!(await button.isVisible())) await page.getByRole("button", { name: /Chats/ }).click();
  await button.click();
  await expect(page).toHaveURL(/\/chat$/);
}

test("chat: a conversation with media, a question and a plan", async ({ page }) => {
  test.setTimeout(300_000);
  const auth = new AuthPages(page);
  const user = newUser();
  await auth.signUp(user);
  await auth.expectSignedInAs(user.email);

  await page.goto("/chat");
  await expect(page.getByRole("textbox", { name: "Message" })).toBeVisible();
  await shootChat(page, "chat-new");

  await send(page, "Generate a cinematic sunset landscape in 16:9");
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  await settle(page, 1);
  await expect(replies(page).first().getByRole("img")).toBeVisible();
  await send(page, "make it wider");
  await settle(page, 2);
  await expect(replies(page).last().getByRole("img")).toBeVisible();
  await page.waitForLoadState("networkidle");
  await shootChat(page, "chat-conversation");

  await page.getByRole("button", { name: "Chat options" }).click();
  await page.getByRole("button", { name: /Clear memory/ }).click();
  await expect(page.getByRole("note")).toContainText("Memory cleared");

  await newChat(page);
  await send(page, "make something cool");
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  await settle(page, 1);
  await expect(replies(page).last().getByRole("group", { name: "Answers" })).toBeVisible();
  await shootChat(page, "chat-clarification");

  await newChat(page);
  await page
    .getByRole("radiogroup", { name: "Behaviour" })
    .getByText("Plan", { exact: true })
    .click();
  await send(page, "Generate a poster of a red fox in the snow");
  await expect(page).toHaveURL(/\/chat\/[^/]+$/);
  await settle(page, 1);
  await expect(page.getByRole("button", { name: "Approve" })).toBeVisible();
  await shootChat(page, "chat-plan");
  await page.getByRole("button", { name: "Approve" }).click();
  await settle(page, 2);
  await expect(replies(page).last().getByRole("img")).toBeVisible();

  // A video takes long enough to catch the reply at work.
  await newChat(page);
  await send(page, "A 5 second video of waves rolling onto a beach at dawn");
  await expect(page.getByRole("progressbar").first()).toBeVisible({ timeout: 30_000 });
  await shootChat(page, "chat-streaming");
  await settle(page, 1);

  // Stopped as soon as it starts, what arrived is kept and Send comes back.
  await send(page, "Now a 10 second one at sunset");
  await page.getByRole("button", { name: "Stop" }).click();
  await expect(replies(page).last()).toHaveAttribute("data-status", "stopped", {
    timeout: 15_000,
  });
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
});
