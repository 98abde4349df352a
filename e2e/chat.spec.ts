import path from "node:path";
import { ChatPage } from "./support/chat";
import { expect, test } from "./support/session";

const photo = path.join(import.meta.dirname, "fixtures", "photo.png");

test.describe("chatting with each::sense", () => {
  test("an image request streams thinking, steps, the image and completion, then a follow-up in the same session", async ({
    page,
    user: _user,
  }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.send("Generate a cinematic sunset landscape in 16:9");
    await expect(page).toHaveURL(/\/chat\/[^/]+$/);
    const reply = chat.lastReply();
    await expect(reply.getByText("Thinking")).toBeVisible();
    await chat.expectLastReply("complete");
    const image = reply.locator("img").first();
    await expect(image).toBeVisible({ timeout: 30_000 });
    // Our own stored copy, never the upstream URL.
    expect(await image.getAttribute("src")).toMatch(/^\/api\/assets\/[^/]+\/file/);
    expect(await image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBeGreaterThan(0);

    await chat.send("make it wider");
    await expect(chat.replies()).toHaveCount(2);
    await chat.expectLastReply("complete");
    await expect(chat.lastReply().locator("img").first()).toBeVisible({ timeout: 30_000 });

    // The chat's image is in the gallery, marked as made in a chat.
    await page.goto("/gallery?source=chat");
    await expect(
      page.getByRole("list", { name: "Your gallery" }).getByRole("link").first(),
    ).toBeVisible();
  });

  test("a clarification is answered by clicking one of its options", async ({
    page,
    user: _user,
  }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.send("make something cool");
    const answers = chat.lastReply().getByRole("group", { name: "Answers" });
    await expect(answers.getByRole("button").first()).toBeVisible({ timeout: 30_000 });
    await answers.getByRole("button").first().click();
    await expect(chat.replies()).toHaveCount(2);
    await chat.expectLastReply("complete");
  });

  test("in plan mode the plan waits for approval, then runs", async ({ page, user: _user }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await page
      .getByRole("radiogroup", { name: "Behaviour" })
      .getByText("Plan", { exact: true })
      .click();
    await chat.send("Generate a portrait of a robot gardener");
    await expect(chat.lastReply().getByRole("button", { name: "Approve" })).toBeVisible({
      timeout: 30_000,
    });
    await expect(chat.lastReply().locator("img")).toHaveCount(0);
    await chat.lastReply().getByRole("button", { name: "Approve" }).click();
    await expect(chat.replies()).toHaveCount(2);
    await chat.expectLastReply("complete");
    await expect(chat.lastReply().locator("img").first()).toBeVisible({ timeout: 30_000 });
  });

  test("an attached image is edited", async ({ page, user: _user }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await page.locator('input[type="file"]').first().setInputFiles(photo);
    await expect(page.getByRole("button", { name: /^Remove / })).toBeVisible({ timeout: 15_000 });
    // Sending while the upload is under way is refused with a notice; a person waits for it.
    await expect(page.getByLabel(/^Uploading /)).toHaveCount(0, { timeout: 15_000 });
    await chat.send("edit this: make the sky orange");
    await chat.expectLastReply("complete");
    await expect(chat.lastReply().locator("img").first()).toBeVisible({ timeout: 30_000 });
    await expect(page.getByRole("article", { name: "You" }).last().locator("img")).toHaveCount(1);
  });

  test("Stop ends a reply mid-stream and keeps what arrived", async ({ page, user: _user }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.send("Generate a slow aurora over a lake [[sense-slow:40]]");
    await expect(page.getByRole("button", { name: "Stop", exact: true })).toBeVisible();
    await expect(chat.lastReply().getByText("Thinking")).toBeVisible();
    await page.getByRole("button", { name: "Stop", exact: true }).click();
    await chat.expectLastReply("stopped", 15_000);
    await expect(chat.lastReply().getByText("Thinking")).toBeVisible();
  });

  test("a reload mid-stream shows what arrived and how it ended", async ({ page, user: _user }) => {
    const chat = new ChatPage(page);
    await chat.open();
    await chat.send("Generate a slow lighthouse in fog [[sense-slow:40]]");
    await expect(chat.lastReply().getByText("Thinking")).toBeVisible();
    await page.waitForTimeout(1500);
    // Leaving the page (a reload or a closed tab) stops the upstream request; what arrived is
    // kept, and the reloaded page says how the reply ended.
    await page.reload();
    await expect(chat.lastReply().getByText("Thinking")).toBeVisible();
    await chat.expectLastReply("stopped", 30_000);
    await expect(chat.lastReply().getByRole("button", { name: "Retry" })).toBeVisible();
  });

  test("each event reaches the browser as it happens, not all at the end", async ({
    page,
    user: _user,
    baseURL,
  }) => {
    // Through the real route over HTTP: with slow pacing upstream, events must arrive spread
    // out in time. A buffering relay (compression, a proxy) would deliver them in one burst.
    const cookie = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
    const created = await page.request.post("/api/chat/conversations", {
      data: { mode: "eco", behavior: "agent", webSearch: false },
    });
    const { conversation } = await created.json();
    const response = await fetch(`${baseURL}/api/chat/conversations/${conversation.id}/messages`, {
      method: "POST",
      headers: { Cookie: cookie, "Content-Type": "application/json" },
      body: JSON.stringify({ content: "Generate a paper crane [[sense-slow]]" }),
    });
    expect(response.headers.get("content-type")).toContain("text/event-stream");
    expect(response.headers.get("cache-control")).toContain("no-transform");
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    const arrivals: number[] = [];
    let buffer = "";
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      const messages = buffer.split("\n\n");
      buffer = messages.pop() ?? "";
      for (const message of messages)
        if (message.includes('"type":"event"')) arrivals.push(Date.now());
    }
    expect(arrivals.length).toBeGreaterThan(5);
    const spread = arrivals.at(-1)! - arrivals[0]!;
    const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!);
    expect(spread).toBeGreaterThan(2000);
    expect(gaps.filter((gap) => gap > 100).length).toBeGreaterThan(3);
  });
});
