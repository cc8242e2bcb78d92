/**
 * Reads the audit log (every staff view, decision, export, import and broadcast action):
 *   npm run audit -- --since 7d [--actor cli:budi] [--target person:DFT-ABC123] [--action registrations.exported]
 *   npm run audit -- --since 2026-03-01 --format xlsx --out audit.xlsx
 * Times are WIB; details are shown as JSON (they never hold a NIK or a phone number).
 */
import { Option } from "commander";
import type { AuditEntry } from "../src/core/audit.port";
import type { Sheet } from "../src/core/sheet";
import { createProgram } from "./lib/cli";
import { runWithStore } from "./lib/store-context";
import { writeSheets, type SheetFormat } from "./lib/write-sheets";

/** "7d", "12h", "30m" back from now, or a YYYY-MM-DD day (00:00 WIB). */
export function parseSince(value: string, now: Date): Date {
  const span = /^(\d+)([dhm])$/.exec(value.trim());
  if (span) {
    const unit = { d: 86_400_000, h: 3_600_000, m: 60_000 }[span[2] as "d" | "h" | "m"];
    return new Date(now.getTime() - Number(span[1]) * unit);
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00+07:00`);
  throw new Error(`--since "${value}" tidak dikenal: pakai 7d, 12h, 30m atau YYYY-MM-DD`);
}

export function toAuditSheet(entries: AuditEntry[]): Sheet {
  return {
    name: "Audit",
    columns: [
      { header: "Waktu (WIB)", kind: "moment", width: 18 },
      { header: "Pelaku", kind: "text", width: 20 },
      { header: "Tindakan", kind: "text", width: 28 },
      { header: "Sasaran", kind: "text", width: 26 },
      { header: "Rincian", kind: "text", width: 60 },
    ],
    rows: entries.map((e) => [e.at, e.actor, e.action, e.target, e.details ? JSON.stringify(e.details) : ""]),
  };
}

type AuditOptions = {
  since: string;
  actor?: string;
  target?: string;
  action?: string;
  limit: string;
  format: SheetFormat;
  out?: string;
};

createProgram(
  "audit",
  "Membaca catatan audit: siapa melihat, mengubah, mengekspor atau mengimpor apa, dan kapan.",
)
  .option("--since <kapan>", "sejak: 7d, 12h, 30m atau YYYY-MM-DD (WIB)", "7d")
  .option("--actor <pelaku>", 'mis. "cli:budi" atau "telegram:123"')
  .option("--target <sasaran>", 'mis. "person:DFT-ABC123" atau "claim:KLM-…"')
  .option("--action <tindakan>", 'awal nama tindakan, mis. "registrations." atau "claim.move"')
  .option("--limit <n>", "paling banyak", "200")
  .addOption(new Option("--format <format>", "keluaran").choices(["text", "csv", "xlsx"]).default("text"))
  .option("--out <berkas>", "tulis ke berkas")
  .action((options: AuditOptions) =>
    runWithStore(async ({ audit, clock }) => {
      const since = parseSince(options.since, clock.now());
      const limit = Number(options.limit);
      const entries = (
        await audit.list(
          {
            since,
            ...(options.actor ? { actor: options.actor } : {}),
            ...(options.target ? { target: options.target } : {}),
          },
          options.action ? limit * 10 : limit,
        )
      )
        .filter((e) => !options.action || e.action.startsWith(options.action))
        .slice(0, limit);
      if (entries.length === 0 && options.format === "text") {
        console.log("Tidak ada catatan audit untuk saringan ini.");
        return 0;
      }
      const where = await writeSheets([toAuditSheet(entries)], { format: options.format, out: options.out });
      if (options.out) console.error(`${entries.length} catatan ditulis ke ${where}.`);
      return 0;
    }),
  )
  .parse();
