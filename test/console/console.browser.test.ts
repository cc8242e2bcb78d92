/**
 * The staff console in a real browser (Debian's Chromium): log in, work the claims board, verify a
 * registration, compose and schedule a broadcast, read the audit log, manage staff, and a kelurahan
 * officer who sees only their kelurahan. Each page is saved as a screenshot in test-output/console/.
 */
import type { Page } from "puppeteer-core";
import {
  describeInBrowser,
  launchBrowser,
  logIn,
  screenshot,
  submit,
  type TestBrowser,
} from "../support/browser";
import { passwords, startConsoleWorld, type ConsoleWorld } from "../support/console-world";

describeInBrowser("staff console in Chromium", () => {
  let world: ConsoleWorld;
  let chromium: TestBrowser;
  let page: Page;

  beforeAll(async () => {
    world = await startConsoleWorld();
    chromium = await launchBrowser();
    page = await chromium.browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
  });
  afterAll(async () => {
    await chromium?.close();
    await world?.stop();
  });

  /** The rendered text of an element (the page's own innerText, as a reader sees it). */
  const innerText = (el: unknown) => (el as { innerText: string }).innerText;
  const text = (selector = "main") => page.$eval(selector, innerText);
  /** Tests run in random order: each one logs in as admin unless this page already is. */
  async function asAdmin(): Promise<void> {
    if ((await page.cookies()).some((c) => c.name === "__Host-jamsos-session")) return;
    await logIn(page, world.url, "admin", passwords.admin);
  }

  it("refuses a wrong password, then logs in and shows only the sections of the role", async () => {
    await page.deleteCookie(...(await page.cookies()));
    await logIn(page, world.url, "admin", "salah-sandi-123");
    expect(await text(".flash.error")).toContain("Nama pengguna atau kata sandi salah");
    await screenshot(page, "01-login-failed");
    await logIn(page, world.url, "admin", passwords.admin);
    const nav = await text("nav");
    expect(nav).toContain("Klaim");
    expect(nav).toContain("Petugas");
    const cookies = await page.cookies();
    expect(cookies.find((c) => c.name === "__Host-jamsos-session")).toMatchObject({
      httpOnly: true,
      secure: true,
      sameSite: "Strict",
    });
  });

  it("shows the claims board by stage with the overdue claim highlighted", async () => {
    await asAdmin();
    await page.goto(`${world.url}/claims`);
    expect(
      await page.$(`a.claim.overdue[data-reference="${world.claims.overdue.reference}"]`),
    ).not.toBeNull();
    expect(await text(`section[data-stage="LAPORAN_DITERIMA"]`)).toContain(world.claims.other.reference);
    await screenshot(page, "02-claims-board");
    await page.setViewport({ width: 390, height: 844, isMobile: true });
    await screenshot(page, "03-claims-board-phone");
    await page.setViewport({ width: 1200, height: 900 });
  });

  it("moves a claim with a note from its page, and the heir gets the push on their channel", async () => {
    await asAdmin();
    await page.goto(`${world.url}/claims`);
    await submit(page, `a.claim[data-reference="${world.claims.mine.reference}"]`);
    expect(await text()).toContain("Ahmad Yani");
    await page.select("#move-form select[name=to]", "VERIFIKASI_RT_KELURAHAN");
    await page.type("#move-form textarea[name=note]", "Dicek ke Pak RT besok pagi");
    await submit(page, "#move-form button[type=submit]");
    expect(await text(".flash.ok")).toContain("Ahli waris diberi tahu");
    const pushed = world.chat
      .pushed("heir-lebak")
      .flatMap((p) => p.messages.map((m) => m.text))
      .join("\n");
    expect(pushed).toContain(world.claims.mine.reference);
    expect(pushed).toContain("Verifikasi RT/kelurahan");
    expect(pushed).toContain("Dicek ke Pak RT besok pagi");
    await screenshot(page, "04-claim-page");
  });

  it("verifies a pending registration", async () => {
    await asAdmin();
    await page.goto(`${world.url}/registrations`);
    await screenshot(page, "05-registrations");
    await submit(page, `a[href="/registrations/${world.people.mine.reference}"]`);
    await screenshot(page, "06-registration");
    await submit(page, `form[action$="/verify"] button`);
    expect(await text(".flash.ok")).toContain(`${world.people.mine.reference} diverifikasi`);
    expect((await world.chat.app.services.people.findById(world.people.mine._id))?.status).toBe("active");
  });

  it("composes a broadcast with a live count, previews it and schedules it", async () => {
    await asAdmin();
    await page.goto(`${world.url}/broadcasts`);
    await page.waitForFunction(`document.getElementById("live-count")?.textContent?.startsWith("Penerima")`);
    await page.select("select[name=state]", "active");
    await page.type("input[name=kelurahan]", "payo lebar");
    await page.evaluate(
      `document.querySelector("input[name=kelurahan]").dispatchEvent(new Event("change", { bubbles: true }))`,
    );
    await page.waitForFunction(`document.getElementById("live-count")?.textContent === "Penerima: 1"`);
    await screenshot(page, "07-broadcast-compose");
    await submit(page, "form[action='/broadcasts/preview'] button[type=submit]");
    expect(await text("#preview-summary")).toContain("1 penerima");
    await screenshot(page, "08-broadcast-preview");
    await submit(page, "form[action='/broadcasts'] button[type=submit]");
    expect(await text(".flash.ok")).toMatch(/Siaran SB-\w+ dijadwalkan/);
    await screenshot(page, "09-broadcasts");
  });

  it("shows the audit log filtered by actor, and the staff accounts", async () => {
    await asAdmin();
    await page.goto(`${world.url}/audit?actor=console:admin`);
    const log = await text("#audit");
    expect(log).toContain("console.login");
    expect(log).not.toContain("console:kel.lebak");
    await screenshot(page, "10-audit");
    await page.goto(`${world.url}/staff`);
    expect(await text()).toContain("kel.lebak");
    await screenshot(page, "11-staff");
  });

  it("labels a question the bot could not answer, which becomes a training line", async () => {
    await asAdmin();
    await page.goto(`${world.url}/unanswered`);
    expect(await text("#unanswered")).toContain("apakah ojol dapat bantuan iuran dari pemkot?");
    await screenshot(page, "15-unanswered");
    await page.select("#unanswered select[name=label]", "iuran");
    await submit(page, "#unanswered button[type=submit]");
    expect(await text(".flash.ok")).toContain("iuran");
    expect(world.labelled).toEqual(["iuran\tapakah ojol dapat bantuan iuran dari pemkot?\n"]);
  });

  it("shows a kelurahan officer only their kelurahan, and nothing of another by URL", async () => {
    const context = await chromium.browser.createBrowserContext();
    const officer = await context.newPage();
    await logIn(officer, world.url, "kel.lebak", passwords.officer);
    await officer.goto(`${world.url}/claims`);
    const board = await officer.$eval("main", innerText);
    expect(board).toContain(world.claims.mine.reference);
    expect(board).not.toContain(world.claims.other.reference);
    await screenshot(officer, "12-kelurahan-officer-board");
    const response = await officer.goto(`${world.url}/claims/${world.claims.other.reference}`);
    expect(response?.status()).toBe(404);
    expect(await officer.$eval("nav", innerText)).not.toContain("Petugas");
    await context.close();
  });
});
