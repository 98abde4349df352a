import { expect, type Page } from "@playwright/test";

/** The chat page, used by the chat specs. */
export class ChatPage {
  constructor(readonly page: Page) {}

  async open() {
    await this.page.goto("/chat");
  }

  get composer() {
    return this.page.getByRole("textbox", { name: "Message" });
  }

  async send(text: string) {
    await this.composer.fill(text);
    await this.page.getByRole("button", { name: "Send", exact: true }).click();
  }

  replies() {
    return this.page.getByRole("article", { name: "each::sense" });
  }

  lastReply() {
    return this.replies().last();
  }

  async expectLastReply(
    status: "complete" | "interrupted" | "failed" | "stopped" | "streaming",
    timeout = 60_000,
  ) {
    await expect(this.lastReply()).toHaveAttribute("data-status", status, { timeout });
  }
}
