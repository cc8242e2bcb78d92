/** The hand-off in the terminal chat: the person at the keyboard asks for staff, a staff reply from the console prints there. */
import { PassThrough } from "node:stream";
import { createApp } from "../../../src/app";
import { createTerminalChannel } from "../../../src/channels/terminal/terminal.channel";
import { toPrincipal } from "../../../src/core/staff-directory";
import { replyToHandoff } from "../../../src/core/handoff-staff";
import { silentLogger } from "../../../src/security/pino.logger";
import { createVault } from "../../../src/security/vault";
import { createMemoryDocumentStore } from "../../../src/storage/memory/memory-document.store";
import { createStaffAccount } from "../../support/staff-accounts";
import { createTestClock, testVaultKeys } from "../../support/test-chat";

it("prints the hand-off notice, forwards the next line, and prints the staff reply sent from the console", async () => {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: createTestClock(),
    logger: silentLogger,
    vault: createVault(testVaultKeys),
  });
  const account = await createStaffAccount(app.services, { username: "ani", name: "Ani Lestari" });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => void (printed += chunk.toString()));
  const channel = createTerminalChannel({ input, output, userId: "terminal-user", interactive: false });
  app.hub.register(channel.sender);
  const running = channel.run(app.inbound);
  input.write("mau bicara dengan petugas\nnomor kartu saya hilang\n");
  const stored = async () => (await app.services.handoffs.findByNumber(1))?.messages.length ?? 0;
  for (let i = 0; i < 100 && (await stored()) < 2; i++) await new Promise((r) => setTimeout(r, 10));
  expect(printed).toContain("kami teruskan ke petugas (nomor #1)");
  const handoff = await app.services.handoffs.findByNumber(1);
  expect(handoff?.messages.map((m) => app.services.vault.open(m.text))).toEqual([
    "mau bicara dengan petugas",
    "nomor kartu saya hilang",
  ]);
  const result = await replyToHandoff(
    app.services,
    toPrincipal(account, "console:ani"),
    1,
    "Kami bantu cetak ulang, Pak.",
    "test-reply-1",
  );
  expect(result).toMatchObject({ status: "ok", delivery: "sent" });
  expect(printed).toContain("Petugas Ani (#1):\n     Kami bantu cetak ulang, Pak.");
  input.end();
  await running;
});
