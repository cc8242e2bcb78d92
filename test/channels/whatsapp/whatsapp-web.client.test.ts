import { execFile } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Message } from "whatsapp-web.js";
import { toChromiumArgs, toWhatsAppIncoming } from "../../../src/channels/whatsapp/whatsapp-web.client";
import { toStartProblem } from "../../../src/channels/whatsapp/whatsapp.problems";

describe("whatsapp-web.js behind the port", () => {
  it("reduces a library message to the port's shape, media details from its raw data", async () => {
    const raw = { mimetype: "image/jpeg", size: 52_000, filename: "ktp.jpg", notifyName: "Siti" };
    const message = {
      id: { _serialized: "false_6281234567890@c.us_3EB0" },
      from: "6281234567890@c.us",
      fromMe: false,
      isStatus: false,
      timestamp: 1_772_416_800,
      type: "image",
      body: "KTP",
      vCards: [],
      hasMedia: true,
      rawData: raw,
      downloadMedia: async () => ({ mimetype: "image/jpeg", data: "AQID", filename: null }),
    } as unknown as Message;
    const incoming = toWhatsAppIncoming(message, async () => "6281234567890");
    expect(incoming).toMatchObject({
      id: "false_6281234567890@c.us_3EB0",
      type: "image",
      body: "KTP",
      senderName: "Siti",
      media: { mimeType: "image/jpeg", size: 52_000, fileName: "ktp.jpg" },
    });
    expect(await incoming.downloadMedia()).toEqual({ mimeType: "image/jpeg", data: "AQID" });
    expect(await incoming.getSenderNumber()).toBe("6281234567890");
  });

  it("runs Chromium without sandbox only when asked, and never with background traffic", () => {
    expect(toChromiumArgs(true)).toContain("--no-sandbox");
    expect(toChromiumArgs(false)).not.toContain("--no-sandbox");
    expect(toChromiumArgs(false)).toContain("--disable-background-networking");
  });

  it.each([
    ["net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/", /unreachable/],
    ["Browser was not found at the configured executablePath (/nope)", /apt-get install chromium/],
    ["auth timeout", /did not load in time/],
  ])("explains the start failure %s", (message, expected) => {
    expect(toStartProblem(new Error(message))).toMatch(expected);
  });
});

const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const launch = existsSync(chromium) ? it : it.skip;
if (!existsSync(chromium))
  process.stderr.write(
    `WhatsApp launch test skipped: no Chromium at ${chromium} (apt-get install chromium)\n`,
  );

describe("the real whatsapp-web.js client on Debian's Chromium", () => {
  launch(
    `starts, fails offline in one clear line, and the process exits with no Chromium left (${chromium})`,
    async () => {
      const dataDir = mkdtempSync(path.join(tmpdir(), "wa-launch-"));
      const script = path.resolve(__dirname, "../../support/whatsapp-offline-start.ts");
      const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = execFile(
          process.execPath,
          ["--import", "tsx", script],
          { env: { ...process.env, CHROMIUM_PATH: chromium, WA_DATA_DIR: dataDir }, timeout: 60_000 },
          (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
        );
      });
      expect(result.code).toBe(0);
      const report = JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "{}") as {
        outcome: { status: string };
        state: string;
        errors: string[];
      };
      if (report.outcome.status === "failed") {
        expect(report.state).toBe("failed");
        expect(report.errors).toHaveLength(1);
        expect(report.errors[0]).toMatch(
          /^WhatsApp could not start: .+\. The other channels keep running\.$/,
        );
      } else {
        expect(report.state).toBe("stopped");
      }
      const leftovers = await new Promise<string>((resolve) =>
        execFile("ps", ["-eo", "stat=,args="], (_e, out) => resolve(out)),
      );
      const alive = leftovers.split("\n").filter((line) => line.includes(dataDir) && !line.startsWith("Z"));
      expect(alive).toEqual([]);
    },
    70_000,
  );
});
