/**
 * Debian's Chromium through puppeteer-core for browser tests: one headless browser per test file,
 * a fresh profile, no background traffic. Without Chromium the suite is skipped and says why.
 * Screenshots go to test-output/console/ (git-ignored).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import puppeteer, { type Browser, type Page } from "puppeteer-core";

export const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const hasChromium = existsSync(chromiumPath);
export const screenshotDir = path.resolve(__dirname, "../../test-output/console");

/** `describe` when Chromium is installed; otherwise a skipped suite whose name and a stderr line say why. */
export function describeInBrowser(name: string, body: () => void): void {
  if (hasChromium) return describe(name, body);
  process.stderr.write(`browser tests skipped: no Chromium at ${chromiumPath} (apt-get install chromium)\n`);
  describe.skip(`${name} (skipped: no Chromium at ${chromiumPath})`, body);
}

export type TestBrowser = { browser: Browser; close(): Promise<void> };

export async function launchBrowser(): Promise<TestBrowser> {
  const profile = mkdtempSync(path.join(tmpdir(), "jamsos-chromium-"));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath,
    headless: true,
    userDataDir: profile,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-dev-shm-usage",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--lang=id-ID",
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A full-page PNG named after what it shows. */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(screenshotDir, { recursive: true });
  const file = path.join(screenshotDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Fills and submits the login form; resolves after the redirect. */
export async function logIn(page: Page, url: string, username: string, password: string): Promise<void> {
  await page.goto(`${url}/login`);
  await page.type("input[name=username]", username);
  await page.type("input[name=password]", password);
  await Promise.all([page.waitForNavigation(), page.click("form[action='/login'] button[type=submit]")]);
}

/** Submits a form by clicking its button and waits for the page that follows. */
export async function submit(page: Page, selector: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.click(selector)]);
}
