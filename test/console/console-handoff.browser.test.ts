/**
 * A citizen asks for a person in the chat; the hand-off appears in the console's inbox; a staff
 * reply typed in the browser reaches the citizen on their channel; closing tells them too.
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

describeInBrowser("hand-off inbox in Chromium", () => {
  let world: ConsoleWorld;
  let chromium: TestBrowser;
  let page: Page;
  const innerText = (el: unknown) => (el as { innerText: string }).innerText;
  const citizen = { userId: "+6281299998888", channel: "whatsapp" as const };
  const pushed = () =>
    world.chat
      .pushed(citizen.userId)
      .flatMap((p) => p.messages.map((m) => m.text))
      .join("\n");

  beforeAll(async () => {
    world = await startConsoleWorld();
    chromium = await launchBrowser();
    page = await chromium.browser.newPage();
    await page.setViewport({ width: 1100, height: 800 });
  });
  afterAll(async () => {
    await chromium?.close();
    await world?.stop();
  });

  it("shows the citizen's request in the inbox, sends the staff reply to their WhatsApp, and closes with a note", async () => {
    world.chat.as(citizen);
    await world.chat.says("halo");
    await world.chat.says("saya mau bicara dengan petugas soal iuran");
    expect(world.chat.keys()).toContain("handoff:opened");
    await world.chat.says("iuran saya sudah dipotong dua kali");
    await logIn(page, world.url, "admin", passwords.admin);
    expect(page.url()).toBe(`${world.url}/inbox`);
    expect(await page.$eval("#inbox", innerText)).toContain("#1");
    await screenshot(page, "13-inbox");
    await submit(page, 'a[href="/inbox/1"]');
    const conversation = await page.$eval("#conversation", innerText);
    expect(conversation).toContain("saya mau bicara dengan petugas soal iuran");
    expect(conversation).toContain("iuran saya sudah dipotong dua kali");
    await page.type("#reply-form textarea[name=text]", "Baik Bu, kami cek ke BPJS hari ini.");
    await submit(page, "#reply-form button[type=submit]");
    expect(await page.$eval(".flash.ok", innerText)).toContain("terkirim ke #1");
    expect(pushed()).toContain("Baik Bu, kami cek ke BPJS hari ini.");
    await screenshot(page, "14-handoff-conversation");
    await page.type("#close-form input[name=note]", "Dicek, potongan ganda dikembalikan");
    await submit(page, "#close-form button[type=submit]");
    expect(await page.$eval(".flash.ok", innerText)).toContain("#1 ditutup");
    expect(pushed()).toContain("menutup percakapan #1");
    await world.chat.says("menu");
    expect(world.chat.lastReply()).toHaveKey("menu:main.prompt");
  });
});
