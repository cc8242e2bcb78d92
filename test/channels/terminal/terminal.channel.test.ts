import { PassThrough } from "node:stream";
import { createApp } from "../../../src/app";
import { createTerminalChannel } from "../../../src/channels/terminal/terminal.channel";
import { silentLogger } from "../../../src/security/pino.logger";
import { createVault } from "../../../src/security/vault";
import { createMemoryDocumentStore } from "../../../src/storage/memory/memory-document.store";
import { createTestClock, testVaultKeys } from "../../support/test-chat";

/** Plays `lines` through the terminal channel as `npm start` does, and returns what it printed. */
async function pipe(lines: string, interactive = false): Promise<string> {
  const app = createApp({
    store: createMemoryDocumentStore(),
    clock: createTestClock(),
    logger: silentLogger,
    vault: createVault(testVaultKeys),
  });
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk: Buffer) => void (printed += chunk.toString()));
  const channel = createTerminalChannel({ input, output, userId: "terminal-user", interactive });
  app.hub.register(channel.sender);
  input.end(lines);
  await channel.run(app.inbound);
  return printed;
}

describe("terminal chat", () => {
  it("indents multi-line replies without leaving trailing spaces on blank lines", async () => {
    const printed = await pipe("lapor kematian\n");
    expect(printed).toContain("\n\n     ");
    expect(printed.split("\n").filter((line) => / +$/.test(line))).toEqual([]);
  });

  it("echoes piped lines as you> before the bot's answer, so the output reads as a conversation", async () => {
    const printed = await pipe("halo\ndaftar\n");
    expect(printed).toMatch(/^you> halo\nbot> Halo! /);
    expect(printed).toMatch(/\n {5}6\. Bahasa \/ Language\nyou> daftar\nbot> 🔒 Pemberitahuan privasi/);
    expect(printed.trimEnd()).toMatch(/2\. Tidak setuju$/);
  });

  it("does not echo what a person types at the keyboard (the terminal shows it already)", async () => {
    const printed = await pipe("halo\n", true);
    expect(printed).not.toContain("you> halo");
    expect(printed).toMatch(/^you> bot> Halo! /);
  });
});
