/**
 * Staff CLI for broadcasts on the bot's storage (MONGODB_URI); the running bot sends (Agenda in
 * MongoDB). `send` shows the preview and asks before anything is scheduled (`--ya` skips the
 * question, for scripts); `status <id> --watch` follows the sending with a progress bar.
 *   npm run broadcast -- preview --state active --filter "kecamatan=Telanaipura" --template activeReminder
 *   npm run broadcast -- send --state coverageEnding --before 2026-04-01 --template coverageEnding --at "08:30"
 *   npm run broadcast -- status SB-ABC123 --watch
 */
import { userInfo } from "node:os";
import { Option } from "commander";
import { broadcastTemplates } from "../src/core/broadcast.port";
import { segmentStates } from "../src/domain/broadcast-segment";
import { progressLine, runBroadcastCommand } from "../src/jobs/broadcast.command";
import { silentLogger } from "../src/security/pino.logger";
import { confirm, createProgram, createProgress, subcommand } from "./lib/cli";
import { runCli, type CliContext } from "./lib/cli-context";

const changing = new Set(["create", "send", "pause", "resume", "cancel"]);
const finished = new Set(["completed", "cancelled", "draft"]);

/** Polls the progress every 2 s with a bar and the estimated finish, until it stops sending. */
async function watch({ app }: CliContext, id: string): Promise<number> {
  const first = await app.services.broadcasts.progress(id);
  if (!first) return (console.error(`${id}: tidak ditemukan`), 1);
  const bar = createProgress(`Siaran ${id}`, first.total);
  for (let p = first; ;) {
    bar.update(p.sent + p.failed + p.skipped);
    if (finished.has(p.status) || p.status === "paused") {
      bar.stop();
      console.log(progressLine(p));
      return 0;
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    p = (await app.services.broadcasts.progress(id)) ?? p;
  }
}

function runCommand(argv: string[], options: { ya?: boolean; watch?: boolean }) {
  runCli({
    changing,
    logger: silentLogger,
    argv,
    run: async (context) => {
      if (options.watch && argv[0] === "status" && argv[1]) return watch(context, argv[1]);
      const result = await runBroadcastCommand(argv, {
        service: context.app.services.broadcasts,
        actor: `cli:${userInfo().username}`,
        now: context.app.services.clock.now(),
        channels: context.app.services.channels,
        confirm: async (question) => {
          console.log(question);
          if (options.ya) return true;
          if (!process.stdin.isTTY) console.error("Tanpa terminal: tambahkan --ya untuk mengirim.");
          return confirm("Lanjutkan?");
        },
      });
      for (const line of result.lines) console.log(line);
      return result.code;
    },
  });
}

const segmentOptions = [
  new Option("--state <keadaan>", "siapa").choices([...segmentStates]).default("registered"),
  new Option("--filter <saringan>", 'mis. "kecamatan=Telanaipura, rt=3, peran=rt, bahasa=id, kanal=wa"'),
  new Option(
    "--before <YYYY-MM-DD>",
    "untuk --state coverageEnding: perlindungan berakhir sebelum tanggal ini",
  ),
  new Option("--template <nama>", "pesan siap pakai").choices([...broadcastTemplates]),
  new Option("--text <pesan>", "pesan sendiri ({nama} diganti nama penerima)"),
];

/** commander's parsed options back into the flags runBroadcastCommand reads. */
const toFlags = (options: Record<string, string | boolean | undefined>) =>
  Object.entries(options).flatMap(([key, value]) =>
    typeof value === "string" && !["ya", "watch"].includes(key) ? [`--${key}`, value] : [],
  );

const program = createProgram(
  "broadcast",
  "Siaran ke segmen warga: pratinjau, kirim, pantau, jeda, lanjutkan, batalkan.",
);
const withSegment = (spec: string, description: string) => {
  const command = subcommand(program, spec, description);
  for (const option of segmentOptions) command.addOption(option);
  return command;
};
withSegment("preview", "jumlah penerima dan isi pesan per bahasa, tanpa menyimpan apa pun").action(
  (options: Record<string, string>) => runCommand(["preview", ...toFlags(options)], {}),
);
withSegment("dry-run", "seperti preview, ditambah contoh penerima")
  .option("--sample <n>", "banyak contoh", "10")
  .action((options: Record<string, string>) => runCommand(["dry-run", ...toFlags(options)], {}));
withSegment("create", "simpan sebagai draf (belum dikirim)").action((options: Record<string, string>) =>
  runCommand(["create", ...toFlags(options)], {}),
);
withSegment("send [id]", "kirim sekarang atau pada --at (WIB), setelah konfirmasi; dengan id: kirim draf")
  .option("--at <waktu>", 'WIB, mis. "08:30" atau "24-12-2026 08:30"')
  .option("--ya", "jangan tanya lagi (untuk skrip)")
  .action((id: string | undefined, options: Record<string, string | boolean>) =>
    runCommand(["send", ...(id ? [id] : []), ...toFlags(options)], { ya: options.ya === true }),
  );
subcommand(program, "status <id>", "kemajuan satu siaran")
  .option("--watch", "pantau terus dengan perkiraan selesai")
  .action((id: string, options: { watch?: boolean }) => runCommand(["status", id], options));
for (const [name, description] of [
  ["pause", "jeda siaran"],
  ["resume", "lanjutkan siaran yang dijeda"],
  ["cancel", "batalkan siaran"],
] as const)
  subcommand(program, `${name} <id>`, description).action((id: string) => runCommand([name, id], {}));
subcommand(program, "list", "siaran terbaru")
  .option("--limit <n>", "berapa", "20")
  .action((options: Record<string, string>) => runCommand(["list", ...toFlags(options)], {}));
subcommand(program, "campaigns", "pengingat otomatis dan kemajuannya").action(() =>
  runCommand(["campaigns"], {}),
);
program.parse();
