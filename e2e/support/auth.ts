import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export type TestUser = { email: string; password: string; name: string };

export function newUser(): TestUser {
  return {
    email: `user-${randomUUID().slice(0, 8)}@example.test`,
    password: "correct-horse-7",
    name: "Test Person",
  };
}

/** The sign-in and sign-up pages, used by several specs. */
export class AuthPages {
  constructor(private readonly page: Page) {}

  async signUp(user: TestUser, path = "/signup") {
    await this.page.goto(path);
    await this.page.getByLabel("Name (optional)").fill(user.name);
    await this.page.getByLabel("Email").fill(user.email);
    await this.page.getByLabel("Password").fill(user.password);
    await this.page.getByRole("button", { name: "Create account" }).click();
  }

  async signIn(email: string, password: string, path = "/signin") {
    await this.page.goto(path);
    await this.fillSignIn(email, password);
  }

  async fillSignIn(email: string, password: string) {
    await this.page.getByLabel("Email").fill(email);
    await this.page.getByLabel("Password").fill(password);
    await this.page.getByRole("button", { name: "Sign in", exact: true }).click();
  }

  async expectSignedInAs(email: string) {
    await expect(this.page.getByTestId("signed-in-as")).toHaveText(email);
  }

  async signOut() {
    await this.page.getByRole("button", { name: /Account menu/ }).click();
    await this.page.getByRole("button", { name: "Sign out" }).click();
    await expect(
      this.page.getByRole("banner").getByRole("link", { name: "Sign in" }),
    ).toBeVisible();
  }
}
