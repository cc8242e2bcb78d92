/**
 * The broadcast CLI's commands (scripts/broadcast.ts prints what they return):
 *   list | campaigns | preview | dry-run | create | send | status | pause | resume | cancel
 * Options: --state registered|active|pending|started|coverageEnding|chatted, --before YYYY-MM-DD,
 * --filter "kecamatan=…, rt=3, peran=rt, bahasa=id, kanal=wa", --template <name> | --text "…",
 * --at "24-12-2026 08:30" (WIB), --sample N, and the broadcast id for status/pause/resume/cancel
 * (and for `send <id>`, which schedules a draft made with `create`).
 */
import type { ChannelDirectory } from "../core/channel-contract";
import {
  broadcastTemplates,
  type BroadcastDraft,
  type BroadcastProgress,
  type BroadcastService,
} from "../core/broadcast.port";
import { parseSegmentFilters, segmentStates, type SegmentState } from "../domain/broadcast-segment";
import { formatDate, formatTime } from "../domain/jakarta-time";
import { parseWibMoment } from "../domain/wib-input";

type Options = Record<string, string>;

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
  if (!segmentStates.includes(state)) return `unknown --state ${state} (${segmentStates.join(", ")})`;
  const filters = parseSegmentFilters(options.filter ?? "-", (word) => channels.find(word));
  if (!filters.ok) return `bad --filter: ${filters.reason} ${filters.field}`;
  const template = options.template as (typeof broadcastTemplates)[number] | undefined;
  if (template && !broadcastTemplates.includes(template))
    return `unknown --template (${broadcastTemplates.join(", ")})`;
  if (!template && !options.text) return 'give --template <name> or --text "…"';
  return {
    segment: { ...filters.value, state, ...(options.before ? { coverageEndsBefore: options.before } : {}) },
    message: template ? { type: "template", template } : { type: "text", text: options.text ?? "" },
  };
}

const progressLine = (p: BroadcastProgress) =>
  `${p.id}  ${p.status}  sent ${p.sent}  failed ${p.failed}  skipped ${p.skipped}  remaining ${p.remaining} / ${p.total}` +
  (p.delivered !== undefined
    ? `  (receipts: delivered ${p.delivered}, read ${p.read ?? 0}, undelivered ${p.undelivered ?? 0})`
    : "");

/** `send <id>`: schedules a draft made with `create`. */
async function scheduleExisting(
  id: string,
  options: Options,
  deps: { service: BroadcastService; actor: string; now: Date; channels: ChannelDirectory },
): Promise<{ lines: string[]; code: number }> {
  const at = options.at ? parseWibMoment(options.at, deps.now) : undefined;
  if (at && !at.ok) return { lines: [`bad --at: ${at.reason}`], code: 1 };
  const result = await deps.service.schedule(id, at?.ok ? at.value : "now", { actor: deps.actor });
  if (result.status !== "ok") return { lines: [`${id}: refused (${result.reason})`], code: 1 };
  const when = result.broadcast.scheduledAt ?? deps.now;
  return { lines: [`scheduled ${id} for ${formatDate(when)} ${formatTime(when)}`], code: 0 };
}

/** Runs one command; resolves to the lines to print and an exit code. */
export async function runBroadcastCommand(
  args: string[],
  deps: { service: BroadcastService; actor: string; now: Date; channels: ChannelDirectory },
): Promise<{ lines: string[]; code: number }> {
  const { command, positional, options } = parseArgs(args);
  const { service } = deps;
  const by = { actor: deps.actor };
  const fail = (line: string) => ({ lines: [line], code: 1 });
  if (command === "list") {
    const lines = (await service.list(Number(options.limit ?? 20))).map((i) => progressLine(i.progress));
    return { lines: lines.length > 0 ? lines : ["No broadcasts yet."], code: 0 };
  }
  if (command === "campaigns")
    return {
      lines: (await service.campaigns()).map(
        (c) => `${c.name} ${c.enabled ? "on" : "STOPPED"}  ${progressLine(c.progress)}`,
      ),
      code: 0,
    };
  if (command === "send" && positional[0]) return scheduleExisting(positional[0], options, deps);
  if (["preview", "dry-run", "create", "send"].includes(command)) {
    const draft = toDraft(options, deps.channels);
    if (typeof draft === "string") return fail(draft);
    const preview = await service.preview(draft, command === "dry-run" ? Number(options.sample ?? 10) : 0);
    const lines = [
      `recipients: ${preview.recipients}  by channel ${JSON.stringify(preview.byChannel)}  by language ${JSON.stringify(preview.byLanguage)}`,
      `not sent to: ${JSON.stringify(preview.excluded)}`,
      ...preview.renders.map(
        (r) =>
          `--- ${r.language} (${r.text.length} chars${r.tooLongFor.length ? `, too long for ${r.tooLongFor.join("/")}` : ""})\n${r.text}`,
      ),
      ...preview.sample.map((s) => `sample: ${s.channel} ${s.user} ${s.language}`),
    ];
    if (command === "preview" || command === "dry-run") return { lines, code: 0 };
    const created = await service.create(draft, by);
    if (created.status !== "ok") return fail(`not created: ${created.reason}`);
    lines.push(`created ${created.broadcast._id} (draft)`);
    if (command === "create") return { lines, code: 0 };
    const at = options.at ? parseWibMoment(options.at, deps.now) : undefined;
    if (at && !at.ok) return fail(`bad --at: ${at.reason}`);
    const scheduled = await service.schedule(created.broadcast._id, at?.ok ? at.value : "now", by);
    if (scheduled.status !== "ok") return fail(`not scheduled: ${scheduled.reason}`);
    const when = scheduled.broadcast.scheduledAt ?? deps.now;
    lines.push(`scheduled ${created.broadcast._id} for ${formatDate(when)} ${formatTime(when)}`);
    return { lines, code: 0 };
  }
  const id = positional[0];
  if (!id)
    return fail(
      "usage: npm run broadcast -- list|campaigns|preview|dry-run|create|send|status|pause|resume|cancel …",
    );
  if (command === "status") {
    const progress = await service.progress(id);
    return progress ? { lines: [progressLine(progress)], code: 0 } : fail(`${id}: not found`);
  }
  if (command === "pause" || command === "resume" || command === "cancel") {
    const result = await (command === "pause"
      ? service.pause(id, by)
      : command === "resume"
        ? service.resume(id, by)
        : service.cancel(id, by));
    return result.status === "ok"
      ? { lines: [`${id}: ${result.broadcast.status}`], code: 0 }
      : fail(`${id}: refused (${result.reason}${result.current ? `, ${result.current}` : ""})`);
  }
  return fail(`unknown command ${command}`);
}
