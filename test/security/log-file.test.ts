import { existsSync, mkdtempSync, readdirSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { createPinoLogger, isPrettyLog, openLogFile } from "../../src/security/pino.logger";

describe("log destinations", () => {
  it("writes JSON lines to a numbered, rotated log file, with NIKs scrubbed", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "logs-"));
    const stream = await openLogFile({ path: path.join(dir, "logs", "bot.log"), maxMb: 1, keep: 2 });
    const logger = createPinoLogger({ level: "info", destination: stream });
    logger.info({ reference: "DFT-ABC123" }, "registered 1571015508050001");
    const file = path.join(dir, "logs", "bot.1.log");
    for (let i = 0; i < 50 && !(existsSync(file) && readFileSync(file, "utf8").includes("registered")); i++)
      await new Promise((resolve) => setTimeout(resolve, 50));
    expect(readdirSync(path.join(dir, "logs"))).toEqual(["bot.1.log"]);
    const line = JSON.parse(readFileSync(file, "utf8").trim()) as { msg: string; reference: string };
    expect(line.reference).toBe("DFT-ABC123");
    expect(line.msg).not.toContain("1571015508050001");
    (stream as unknown as { end(): void }).end();
  });

  it("is readable on a terminal and JSON elsewhere unless LOG_FORMAT says otherwise", () => {
    expect(isPrettyLog("auto", true)).toBe(true);
    expect(isPrettyLog("auto", false)).toBe(false);
    expect(isPrettyLog("json", true)).toBe(false);
    expect(isPrettyLog("pretty", false)).toBe(true);
  });
});
