import { test as base, type Page } from "@playwright/test";
import { AuthPages, newUser, type TestUser } from "./auth";

/** A test with a freshly signed-up person (each test its own, so runs never mix). */
export const test = base.extend<{ user: TestUser }>({
  user: async ({ page }, use) => {
    const user = newUser();
    const auth = new AuthPages(page);
    await auth.signUp(user);
    await auth.expectSignedInAs(user.email);
    await use(user);
  },
});

export { expect } from "@playwright/test";

/** The model page, used by several specs. */
export class ModelPage {
  constructor(readonly page: Page) {}

  async open(slug: string) {
    await this.page.goto(`/models/${slug}`);
  }

  field(label: string | RegExp) {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  async run() {
    await this.page.getByRole("button", { name: "Run", exact: true }).click();
  }

  get panel() {
    return this.page.getByTestId("run-panel");
  }

  async expectStatus(
    status: "succeeded" | "failed" | "cancelled" | "processing" | "starting",
    timeout = 30_000,
  ) {
    await base.expect(this.panel).toHaveAttribute("data-status", status, { timeout });
  }

  async expectOutputsSaved(timeout = 30_000) {
    await base
      .expect(this.page.getByText("Saving your output to your gallery…"))
      .toBeHidden({ timeout });
  }
}
