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
import { allowsChanges, openCliContext, refusedOnMemory } from "./lib/cli-context";

const changing = new Set(["create", "send", "pause", "resume", "cancel"]);

async function main(): Promise<number> {
  const argv = process.argv.slice(2);
  const context = await openCliContext({ logger: silentLogger });
  try {
    if (changing.has(argv[0] ?? "") && !allowsChanges(context, argv[0] ?? "")) return refusedOnMemory;
    const result = await runBroadcastCommand(argv, {
      service: context.app.services.broadcasts,
      actor: `cli:${userInfo().username}`,
      now: context.app.services.clock.now(),
    });
    for (const line of result.lines) console.log(line);
    return result.code;
  } finally {
    await context.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
