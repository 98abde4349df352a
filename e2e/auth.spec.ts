import { expect, test } from "@playwright/test";
import { AuthPages, newUser } from "./support/auth";

test.describe("signing up, in and out", () => {
  test("a new person signs up and lands signed in", async ({ page }) => {
    const auth = new AuthPages(page);
    const user = newUser();
    await auth.signUp(user);
    await expect(page).toHaveURL("/");
    await auth.expectSignedInAs(user.email);
  });

  test("signing out and back in restores the session", async ({ page }) => {
    const auth = new AuthPages(page);
    const user = newUser();
    await auth.signUp(user);
    await auth.expectSignedInAs(user.email);
    await auth.signOut();
    await auth.signIn(user.email, user.password);
    await expect(page).toHaveURL("/");
    await auth.expectSignedInAs(user.email);
  });

  test("a wrong password is refused at the password field and keeps the email", async ({
    page,
  }) => {
    const auth = new AuthPages(page);
    const user = newUser();
    await auth.signUp(user);
    await auth.signOut();
    await auth.signIn(user.email, "not-the-password-1");
    await expect(page.getByText("That password is not right. Try again.")).toBeVisible();
    await expect(page).toHaveURL(/\/signin/);
    await expect(page.getByLabel("Email")).toHaveValue(user.email);
    await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  });

  test("an unknown email is named as such", async ({ page }) => {
    await new AuthPages(page).signIn(newUser().email, "whatever-123");
    await expect(page.getByText("No account uses this email.")).toBeVisible();
  });

  test("signing up twice with one email says the account exists", async ({ page, browser }) => {
    const user = newUser();
    await new AuthPages(page).signUp(user);
    await new AuthPages(page).expectSignedInAs(user.email);

    const other = await browser.newPage();
    await new AuthPages(other).signUp({ ...user, password: "another-pass-9" });
    await expect(
      other.getByText("An account with this email already exists. Sign in instead."),
    ).toBeVisible();
    await expect(other).toHaveURL(/\/signup/);
    await other.close();
  });

  test("a weak password is refused in the form and by the server", async ({ page, request }) => {
    const user = newUser();
    await new AuthPages(page).signUp({ ...user, password: "password" });
    await expect(page.getByText("Mix letters with at least one number or symbol.")).toBeVisible();
    await expect(page).toHaveURL(/\/signup/);

    const response = await request.post("/api/users", {
      data: { email: user.email, password: "short1" },
    });
    expect(response.status()).toBe(422);
    const body = await response.json();
    expect(body.error.fields.password).toBe("Use at least 8 characters.");
  });

  test("a protected page sends a signed-out visitor to sign in and back", async ({ page }) => {
    const auth = new AuthPages(page);
    const user = newUser();
    await auth.signUp(user);
    await auth.signOut();

    await page.goto("/gallery");
    await expect(page).toHaveURL("/signin?callbackUrl=%2Fgallery");
    await auth.fillSignIn(user.email, user.password);
    await expect(page).toHaveURL("/gallery");
    await expect(page.getByRole("heading", { name: "Gallery" })).toBeVisible();
  });

  test("signing out revokes the session even for a copied cookie", async ({ page, browser }) => {
    const auth = new AuthPages(page);
    const user = newUser();
    await auth.signUp(user);
    await auth.expectSignedInAs(user.email);
    const stolen = await page.context().cookies();

    await auth.signOut();

    const thief = await browser.newContext();
    await thief.addCookies(stolen);
    const thiefPage = await thief.newPage();
    await thiefPage.goto("/settings");
    await expect(thiefPage).toHaveURL(/\/signin\?callbackUrl=%2Fsettings/);
    await thief.close();
  });
});
