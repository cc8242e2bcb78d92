/**
 * The Reports page in Debian's Chromium: a staff member whose role views reports sees the figures
 * counted from the stored registrations and claims, with the bar charts; a kelurahan officer sees
 * their kelurahan only and no city budget; a role without reports is refused (and is not offered
 * the page). Screenshots in test-output/console/.
 */
import type { Page } from "puppeteer-core";
import { describeInBrowser, launchBrowser, logIn, screenshot, type TestBrowser } from "../support/browser";
import { passwords, startConsoleWorld, type ConsoleWorld } from "../support/console-world";
import { createStaffAccount } from "../support/staff-accounts";

describeInBrowser("the Reports page in Chromium", () => {
  let world: ConsoleWorld;
  let chromium: TestBrowser;

  beforeAll(async () => {
    world = await startConsoleWorld();
    await createStaffAccount(world.chat.app.services, {
      username: "siar",
      name: "Sari Siaran",
      role: "broadcaster",
      password: "rahasia-siar-321",
    });
    chromium = await launchBrowser();
  });
  afterAll(async () => {
    await chromium?.close();
    await world?.stop();
  });

  async function open(username: string, password: string): Promise<Page> {
    const context = await chromium.browser.createBrowserContext();
    const page = await context.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    await logIn(page, world.url, username, password);
    return page;
  }
  const innerText = (el: unknown) => (el as { innerText: string }).innerText;
  /** The texts of a chart (labels and values), as drawn. */
  const textsOf = (page: Page, chart: string): Promise<string[]> =>
    page.$$eval(`#${chart} text`, (texts) => texts.map((t) => String(t.textContent)));
  /** The bars of a chart with their values, read from the SVG the server drew. */
  const barsOf = (page: Page, chart: string) =>
    page.$$eval(`#${chart} rect.bar`, (rects) =>
      rects.map((r) => ({ value: Number(r.getAttribute("data-value")), warn: r.classList.contains("warn") })),
    );

  it("shows a claims officer the registrations, quota, budget and claims counted from the store", async () => {
    const page = await open("klaim", passwords.claims);
    const response = await page.goto(`${world.url}/reports`);
    expect(response?.status()).toBe(200);
    const coverage = await page.$eval("#coverage", innerText);
    // Three people are stored, one in each of three kecamatan; two wait for verification.
    expect(coverage).toContain("Terdaftar 3");
    expect(await textsOf(page, "coverage-chart")).toEqual(
      expect.arrayContaining(["Alam Barajo", "Jelutung", "Telanaipura"]),
    );
    expect((await barsOf(page, "coverage-chart")).map((b) => b.value)).toEqual([1, 1, 1]);
    expect(await page.$eval("#budget", innerText)).toContain("Proyeksi APBD tahun");
    // Four claims; the one at DIAJUKAN_KE_BPJS is past its deadline and drawn in red.
    expect(await page.$eval("#claims-report", innerText)).toContain("4 klaim, 1 melewati batas waktu");
    const claimBars = await barsOf(page, "claims-chart");
    expect(claimBars.reduce((sum, b) => sum + b.value, 0)).toBe(4);
    expect(claimBars.filter((b) => b.warn)).toEqual([{ value: 1, warn: true }]);
    await screenshot(page, "20-reports");
    await page.browserContext().close();
  });

  it("shows a kelurahan officer their kelurahan's figures only, without the city budget", async () => {
    const page = await open("kel.lebak", passwords.officer);
    await page.goto(`${world.url}/reports`);
    expect(await page.$eval("main", innerText)).toContain("hanya untuk kelurahan Anda");
    expect(await page.$eval("#coverage", innerText)).toContain("Terdaftar 1");
    expect(await textsOf(page, "coverage-chart")).toContain("Lebak Bandung");
    expect(await page.$("#budget")).toBeNull();
    // Lebak Bandung has the claims "mine" and "overdue" (and the processing one); Simpang IV Sipin's is not counted.
    expect(await page.$eval("#claims-report", innerText)).toContain("3 klaim, 1 melewati batas waktu");
    await screenshot(page, "21-reports-kelurahan");
    await page.browserContext().close();
  });

  it("refuses a broadcaster, whose role has no reports, and does not offer the page", async () => {
    const page = await open("siar", "rahasia-siar-321");
    expect(await page.$eval("nav", innerText)).not.toContain("Laporan");
    const response = await page.goto(`${world.url}/reports`);
    expect(response?.status()).toBe(403);
    expect(await page.$("#coverage")).toBeNull();
    expect(await world.chat.app.services.audit.list({ action: "console.forbidden" })).toEqual(
      expect.arrayContaining([expect.objectContaining({ target: "/reports", actor: "console:siar" })]),
    );
    await page.browserContext().close();
  });
});
