/** The hand-off on WhatsApp (fake client): a citizen asks for a person, a staff number answers with "balas #1". */
import { defaultChat, startFakeWhatsApp, type FakeWhatsApp } from "../../support/whatsapp-harness";

const staffChat = "6281211112222@c.us";
let wa: FakeWhatsApp;
afterEach(async () => {
  await wa?.channel.stop();
});

describe("hand-off on WhatsApp", () => {
  it("passes the citizen to staff, forwards their messages, and delivers the staff reply in their chat", async () => {
    wa = await startFakeWhatsApp({ staffNumbers: ["0812-1111-2222"] });
    await wa.says("halo", staffChat);
    await wa.says("mau bicara dengan petugas");
    expect(wa.textsTo(defaultChat).join("\n")).toContain("kami teruskan ke petugas (nomor *#1*)");
    await wa.says("kartu saya hilang");
    await wa.channel.idle();
    expect(wa.textsTo(staffChat).join("\n")).toContain("#1 · -: kartu saya hilang");
    await wa.says("balas #1 Silakan datang ke kantor cabang dengan KTP.", staffChat);
    await wa.channel.idle();
    expect(wa.lastText(staffChat)).toContain("Terkirim ke #1");
    expect(wa.textsTo(defaultChat).join("\n")).toContain("Silakan datang ke kantor cabang dengan KTP.");
    await wa.says("menu");
    expect(wa.lastText()).toContain("1. Daftar");
  });
});
