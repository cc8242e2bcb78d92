/**
 * The broadcast CLI's commands (scripts/broadcast.ts prints what they return):
 *   list | campaigns | preview | dry-run | create | send | status | pause | resume | cancel
 * Options: --state registered|active|pending|started|coverageEnding|chatted, --before YYYY-MM-DD,
 * --filter "kecamatan=…, rt=3, peran=rt, bahasa=id, kanal=wa", --template <name> | --text "…",
 * --at "24-12-2026 08:30" (WIB), --sample N, and the broadcast id for status/pause/resume/cancel
 * (and for `send <id>`, which schedules a draft made with `create`). Output is Indonesian; `send`
 * asks `deps.confirm` (the CLI asks the person at the terminal, or `--ya`) before anything is scheduled.
 */
import type { ChannelDirectory } from "../core/channel-contract";
import {
  broadcastTemplates,
  type BroadcastDraft,
  type BroadcastProgress,
  type BroadcastService,
} from "../core/broadcast.port";
import type { BroadcastStatus } from "../domain/broadcast-lifecycle";
import { parseSegmentFilters, segmentStates, type SegmentState } from "../domain/broadcast-segment";
import { formatDate, formatTime } from "../domain/jakarta-time";
import { parseWibMoment } from "../domain/wib-input";

type Options = Record<string, string>;

const toCounts = (counts: Partial<Record<string, number>>) =>
  Object.entries(counts)
    .map(([key, n]) => `${key} ${n ?? 0}`)
    .join(", ") || "-";

function parseArgs(args: string[]): { command: string; positional: string[]; options: Options } {
  const options: Options = {};
  const positional: string[] = [];
  for (let i = 1; i < args.length; i++) {
    const arg = args[i] ?? "";
    if (arg.startsWith("--")) options[arg.slice(2)] = args[++i] ?? "";
    else positional.push(arg);
  }
  return { command: args[0] ?? "help", positional, options };
}

function toDraft(options: Options, channels: ChannelDirectory): BroadcastDraft | string {
  const state = (options.state ?? "registered") as SegmentState;
  if (!segmentStates.includes(state)) return `--state ${state} tidak dikenal (${segmentStates.join(", ")})`;
  const filters = parseSegmentFilters(options.filter ?? "-", (word) => channels.find(word));
  if (!filters.ok) return `--filter salah: ${filters.reason} ${filters.field}`;
  const template = options.template as (typeof broadcastTemplates)[number] | undefined;
  if (template && !broadcastTemplates.includes(template))
    return `--template tidak dikenal (${broadcastTemplates.join(", ")})`;
  if (!template && !options.text) return 'isi --template <nama> atau --text "…"';
  return {
    segment: { ...filters.value, state, ...(options.before ? { coverageEndsBefore: options.before } : {}) },
    message: template ? { type: "template", template } : { type: "text", text: options.text ?? "" },
  };
}

const toFinishLines = (finishBy: Partial<Record<string, Date>>) =>
  Object.entries(finishBy).map(
    ([channel, at]) => `${channel}: selesai sekitar ${formatDate(at as Date)} ${formatTime(at as Date)}`,
  );

export const statusLabels: Record<BroadcastStatus, string> = {
  draft: "draf",
  scheduled: "terjadwal",
  sending: "mengirim",
  paused: "dijeda",
  completed: "selesai",
  cancelled: "dibatalkan",
};

export const progressLine = (p: BroadcastProgress) =>
  `${p.id}  ${statusLabels[p.status]}  terkirim ${p.sent}  gagal ${p.failed}  dilewati ${p.skipped}  sisa ${p.remaining} / ${p.total}` +
  (p.delivered !== undefined
    ? `  (tanda terima: sampai ${p.delivered}, dibaca ${p.read ?? 0}, tidak sampai ${p.undelivered ?? 0})`
    : "");

export type BroadcastCommandDeps = {
  service: BroadcastService;
  actor: string;
  now: Date;
  channels: ChannelDirectory;
  /** Asked before anything is scheduled; true only for an explicit yes. */
  confirm: (question: string) => Promise<boolean>;
};

const declined = { lines: ["Tidak jadi: tidak ada yang dijadwalkan."], code: 2 };

/** `send <id>`: schedules a draft made with `create`. */
async function scheduleExisting(
  id: string,
  options: Options,
  deps: BroadcastCommandDeps,
): Promise<{ lines: string[]; code: number }> {
  const at = options.at ? parseWibMoment(options.at, deps.now) : undefined;
  if (at && !at.ok) return { lines: [`--at salah: ${at.reason}`], code: 1 };
  const progress = await deps.service.progress(id);
  if (!progress) return { lines: [`${id}: tidak ditemukan`], code: 1 };
  if (!(await deps.confirm(`Kirim siaran ${id} ke ${progress.total} penerima?`))) return declined;
  const result = await deps.service.schedule(id, at?.ok ? at.value : "now", { actor: deps.actor });
  if (result.status !== "ok") return { lines: [`${id}: ditolak (${result.reason})`], code: 1 };
  const when = result.broadcast.scheduledAt ?? deps.now;
  return { lines: [`${id} dijadwalkan ${formatDate(when)} ${formatTime(when)}`], code: 0 };
}

/** Runs one command; resolves to the lines to print and an exit code. */
export async function runBroadcastCommand(
  args: string[],
  deps: BroadcastCommandDeps,
): Promise<{ lines: string[]; code: number }> {
  const { command, positional, options } = parseArgs(args);
  const { service } = deps;
  const by = { actor: deps.actor };
  const fail = (line: string) => ({ lines: [line], code: 1 });
  if (command === "list") {
    const lines = (await service.list(Number(options.limit ?? 20))).map((i) => progressLine(i.progress));
    return { lines: lines.length > 0 ? lines : ["Belum ada siaran."], code: 0 };
  }
  if (command === "campaigns")
    return {
      lines: (await service.campaigns()).map(
        (c) => `${c.name} ${c.enabled ? "aktif" : "DIHENTIKAN"}  ${progressLine(c.progress)}`,
      ),
      code: 0,
    };
  if (command === "send" && positional[0]) return scheduleExisting(positional[0], options, deps);
  if (["preview", "dry-run", "create", "send"].includes(command)) {
    const draft = toDraft(options, deps.channels);
    if (typeof draft === "string") return fail(draft);
    const preview = await service.preview(draft, command === "dry-run" ? Number(options.sample ?? 10) : 0);
    const lines = [
      `penerima: ${preview.estimated ? "sekitar " : ""}${preview.recipients}  per kanal ${toCounts(preview.byChannel)}  per bahasa ${toCounts(preview.byLanguage)}`,
      `tidak dikirim ke: berhenti langganan ${preview.excluded.optedOut}, meninggal ${preview.excluded.deceased}, belum pernah menulis (WhatsApp) ${preview.excluded.neverWrote}, ganda ${preview.excluded.duplicate}`,
      ...preview.renders.map(
        (r) =>
          `--- ${r.language} (${r.text.length} karakter${r.tooLongFor.length ? `, terlalu panjang untuk ${r.tooLongFor.join("/")}` : ""})\n${r.text}`,
      ),
      ...preview.sample.map((s) => `contoh: ${s.channel} ${s.user} ${s.language}`),
      ...toFinishLines(preview.finishBy),
      ...(preview.slow.length > 0
        ? [
            `PERHATIAN: ${preview.slow.join(", ")} butuh lebih dari seminggu (batas harian); persempit segmennya`,
          ]
        : []),
    ];
    if (command === "preview" || command === "dry-run") return { lines, code: 0 };
    const at = options.at ? parseWibMoment(options.at, deps.now) : undefined;
    if (at && !at.ok) return fail(`--at salah: ${at.reason}`);
    if (
      command === "send" &&
      !(await deps.confirm(`${lines.join("\n")}\n\nKirim ke ${preview.recipients} penerima?`))
    )
      return declined;
    const created = await service.create(draft, by);
    if (created.status !== "ok") return fail(`tidak dibuat: ${created.reason}`);
    lines.push(`${created.broadcast._id} dibuat (draf)`);
    if (command === "create") return { lines, code: 0 };
    const scheduled = await service.schedule(created.broadcast._id, at?.ok ? at.value : "now", by);
    if (scheduled.status !== "ok") return fail(`tidak dijadwalkan: ${scheduled.reason}`);
    const when = scheduled.broadcast.scheduledAt ?? deps.now;
    lines.push(`${created.broadcast._id} dijadwalkan ${formatDate(when)} ${formatTime(when)}`);
    return { lines, code: 0 };
  }
  const id = positional[0];
  if (!id)
    return fail(
      "pemakaian: npm run broadcast -- list|campaigns|preview|dry-run|create|send|status|pause|resume|cancel … (--help)",
    );
  if (command === "status") {
    const progress = await service.progress(id);
    return progress
      ? { lines: [progressLine(progress), ...toFinishLines(progress.finishBy)], code: 0 }
      : fail(`${id}: tidak ditemukan`);
  }
  if (command === "pause" || command === "resume" || command === "cancel") {
    const result = await (command === "pause"
      ? service.pause(id, by)
      : command === "resume"
        ? service.resume(id, by)
        : service.cancel(id, by));
    return result.status === "ok"
      ? { lines: [`${id}: ${statusLabels[result.broadcast.status]}`], code: 0 }
      : fail(`${id}: ditolak (${result.reason}${result.current ? `, ${statusLabels[result.current]}` : ""})`);
  }
  return fail(`perintah tidak dikenal: ${command}`);
}
