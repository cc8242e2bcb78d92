import { mkdtempSync, existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough } from "node:stream";
import { createQrPresenter } from "../../../src/channels/whatsapp/whatsapp.qr";
import { fakeIncoming } from "../../support/fake-whatsapp-client";
import { defaultChat, startFakeWhatsApp, type FakeWhatsApp } from "../../support/whatsapp-harness";

/** Waits, turn by turn, until the condition holds (the test's timeout bounds it). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setImmediate(resolve));
}

const offline = () => Promise.reject(new Error("net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/"));

describe("WhatsApp channel: staying connected", () => {
  let wa: FakeWhatsApp;
  afterEach(async () => wa.channel.stop());

  it("reconnects with a fresh client after a disconnect, waiting longer after each failure", async () => {
    wa = await startFakeWhatsApp({
      initialize: (attempt) => (attempt === 2 ? offline() : Promise.resolve()),
    });
    const first = wa.client;
    first.emit("disconnected", "NAVIGATION");
    await wa.channel.idle();
    expect(first.destroyed).toBe(1);
    expect(wa.channel.state).toBe("reconnecting");
    expect(wa.timers.pending()).toEqual([5000]);
    wa.timers.runNext();
    await until(() => wa.timers.pending().includes(10000));
    expect(wa.clients).toHaveLength(2);
    expect(wa.timers.pending()).toEqual([10000]);
    wa.timers.runNext();
    await until(() => wa.clients.length === 3);
    expect(wa.clients).toHaveLength(3);
    wa.client.emit("ready");
    expect(wa.channel.state).toBe("ready");
    await wa.says("halo");
    expect(wa.lastText()).toContain("1. Daftar");
  });

  it("reports a logout in one line saying how to link again, and waits for the new QR", async () => {
    wa = await startFakeWhatsApp();
    wa.client.emit("disconnected", "LOGOUT");
    await wa.channel.idle();
    expect(wa.errors().map((e) => e.message)).toEqual([
      "WhatsApp was logged out (unlinked on the phone): scan the new QR to link the bot's number again",
    ]);
    expect(wa.channel.state).toBe("waitingForLogin");
    await wa.says("halo");
    expect(wa.client.sent).toEqual([]);
  });

  it("reports a refused login in one line: delete the login folder and scan again", async () => {
    wa = await startFakeWhatsApp({ ready: false });
    wa.client.emit("auth_failure", "Unable to restore session");
    expect(wa.errors().map((e) => e.message)).toEqual([
      "WhatsApp login was refused: delete data/whatsapp/session-jamsos and restart the bot to scan a new QR",
    ]);
    expect(wa.channel.state).toBe("failed");
  });

  it("catches a failing initialize, destroys the client, says so in one line and keeps the bot serving", async () => {
    wa = await startFakeWhatsApp({ initialize: offline });
    expect(wa.outcome).toEqual({
      status: "failed",
      reason:
        "web.whatsapp.com is unreachable from this machine: net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/",
    });
    expect(wa.client.destroyed).toBe(1);
    expect(wa.errors()).toHaveLength(1);
    expect(wa.channel.state).toBe("failed");
    expect(wa.timers.pending()).toEqual([]);
    let answered = "";
    await wa.app.inbound.handle(
      { channel: "terminal", userId: "t1", messageId: "1", content: { type: "text", text: "halo" } },
      async (messages) => void (answered = messages.map((m) => m.text).join("\n")),
    );
    expect(answered).toContain("Jamsos Bot");
  });

  it("lets a message being handled finish, then closes the client on stop", async () => {
    wa = await startFakeWhatsApp();
    wa.client.emit("message", fakeIncoming({ timestamp: Math.floor(wa.clock.now().getTime() / 1000) }));
    await wa.channel.stop();
    expect(wa.textsTo(defaultChat)).toHaveLength(1);
    expect(wa.client.destroyed).toBe(1);
    expect(wa.channel.state).toBe("stopped");
  });
});

describe("WhatsApp login QR", () => {
  it("is drawn in the terminal and saved as a PNG, which is removed after login", async () => {
    const output = new PassThrough();
    let drawn = "";
    output.on("data", (chunk: Buffer) => (drawn += chunk.toString()));
    const pngPath = path.join(mkdtempSync(path.join(tmpdir(), "wa-qr-")), "whatsapp", "login-qr.png");
    const qr = createQrPresenter({ output, pngPath, pngWidth: 120 });
    const wa = await startFakeWhatsApp({ ready: false, extra: { qr } });
    wa.client.emit("qr", "2@abcdef,ghijk,lmnop");
    await until(() => wa.logger.entries.some((e) => e.message.includes("QR")));
    expect(drawn).toContain("Link a device");
    expect(drawn).toMatch(/[▀▄█]/);
    expect(readFileSync(pngPath).subarray(1, 4).toString()).toBe("PNG");
    expect(wa.channel.state).toBe("waitingForLogin");
    wa.client.emit("ready");
    await until(() => !existsSync(pngPath));
    await wa.channel.stop();
  });
});
