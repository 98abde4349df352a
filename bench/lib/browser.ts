import { type Browser, type BrowserContext, chromium } from "@playwright/test";

/** Debian's Chromium with the flags this machine needs (see playwright.config.ts). */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-gpu",
      "--disable-quic",
    ],
  });
}

/** A desktop-sized browser context carrying the session cookie of `cookie` (see session.ts). */
export async function signedInContext(
  browser: Browser,
  baseURL: string,
  cookie: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const [name, value] = cookie
    .split("; ")
    .find((part) => part.includes("session-token"))!
    .split("=");
  await context.addCookies([{ name: name!, value: value!, url: baseURL }]);
  return context;
}
