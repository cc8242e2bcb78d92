/**
 * Staff CLI for broadcasts: `npm run broadcast -- <command> [options]` (see src/jobs/broadcast.command.ts).
 * It works on the bot's storage (MONGODB_URI); sending is done by the running bot: the broadcast is
 * put on Agenda in MongoDB (and the bot also resumes scheduled broadcasts when it starts).
 *   npm run broadcast -- preview --state active --filter "kecamatan=Telanaipura" --template activeReminder
 *   npm run broadcast -- send --state coverageEnding --before 2026-04-01 --template coverageEnding --at "08:30"
 *   npm run broadcast -- pause SB-ABC123
 */
import { userInfo } from "node:os";
import { runBroadcastCommand } from "../src/jobs/broadcast.command";
import { silentLogger } from "../src/security/pino.logger";
import { runCli } from "./lib/cli-context";

const changing = new Set(["create", "send", "pause", "resume", "cancel"]);

runCli({
  changing,
  logger: silentLogger,
  run: async ({ app }, argv) => {
    const result = await runBroadcastCommand(argv, {
      service: app.services.broadcasts,
      actor: `cli:${userInfo().username}`,
      now: app.services.clock.now(),
      channels: app.services.channels,
    });
    for (const line of result.lines) console.log(line);
    return result.code;
  },
});
