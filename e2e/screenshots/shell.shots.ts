// `npm run screenshots`: the README's pictures, at desktop and phone width. Not part of
// `npm test` (it only writes files); the journeys are checked by the *.spec.ts files.
import { test } from "@playwright/test";
import { AuthPages, newUser } from "../support/auth";
import { shoot } from "./shoot";

test("shell: home, sign-in and a protected page", async ({ page }) => {
  await page.goto("/");
  await shoot(page, "home");
  await page.goto("/signin");
  await shoot(page, "signin");
  const auth = new AuthPages(page);
  const user = newUser();
  await auth.signUp(user);
  await auth.expectSignedInAs(user.email);
  await page.goto("/settings");
  await shoot(page, "settings-account");
});
