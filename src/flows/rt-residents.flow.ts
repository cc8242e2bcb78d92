/**
 * "Warga saya": an RT head sees the residents they registered, each with their status (NIK
 * masked), what is missing, and how many are not yet covered. From "Data saya" or by typing
 * "warga saya". Two reads: the count and the newest page of residents.
 */
import { z } from "zod";
import type { FlowContext, Step } from "../core/flow";
import { defineFlow, exit, startFlow } from "../core/flow";
import { reply, type Reply } from "../core/messages";
import type { Person } from "../core/people.port";
import { choose } from "../core/steps";
import { formatDate } from "../domain/jakarta-time";
import { maskNik } from "../domain/nik";
import type { I18nKey } from "../i18n/keys";

const pageSize = 25;
const noData = z.object({});
type NoData = z.infer<typeof noData>;

async function findHead(ctx: FlowContext): Promise<Person | undefined> {
  const mine = await ctx.services.people.findByContact({ channel: ctx.channel, userId: ctx.userId });
  return mine.find((p) => p.role === "rt_head" && (p.status === "active" || p.status === "pending"));
}

const isCovered = (p: Person, now: Date) =>
  p.status === "active" && (!p.coverageEndsAt || p.coverageEndsAt.getTime() > now.getTime());

function toLine(person: Person, index: number, ctx: FlowContext): string {
  const base = { index, name: person.name, nik: maskNik(ctx.services.vault.open(person.nik)) };
  const t = (key: I18nKey, params: Record<string, unknown> = {}) =>
    ctx.translator.t(ctx.language, key, { ...base, ...params });
  if (person.status === "active" && !isCovered(person, ctx.now) && person.coverageEndsAt)
    return t("rtResidents:line.coverEnded", { date: formatDate(person.coverageEndsAt, ctx.language) });
  if (person.status === "active")
    return t("rtResidents:line.active", { kpj: person.kpj ? t("rtResidents:line.kpj") : "" });
  if (person.status === "pending") return t("rtResidents:line.pending", { reference: person.reference });
  if (person.status === "draft") return t("rtResidents:line.draft", { reference: person.reference });
  if (person.status === "rejected") return t("rtResidents:line.rejected", { note: person.reviewNote ?? "-" });
  if (person.status === "deceased") return t("rtResidents:line.deceased");
  return t("rtResidents:line.inactive");
}

/** The summary (counted in the store) and the newest residents; covered = active with cover running. */
async function toOverview(head: Person, ctx: FlowContext): Promise<Reply[]> {
  const { people } = ctx.services;
  const mine = { registeredByPersonId: head._id };
  // His drafts are his to see (staff check them once he is verified); counts elsewhere leave them out.
  const total = await people.count({
    ...mine,
    status: ["draft", "pending", "active", "rejected", "inactive"],
  });
  const deceased = await people.count({ ...mine, status: "deceased" });
  if (total + deceased === 0) return [reply("rtResidents:none")];
  const active = await people.count({ ...mine, status: "active" });
  const ended = await people.count({ ...mine, status: "active", coverageEndsBefore: ctx.now });
  const covered = active - ended;
  const newest = await people.search(
    { ...mine, status: ["draft", "pending", "active", "rejected", "inactive", "deceased"] },
    { newestFirst: true, limit: pageSize },
  );
  const rt = head.leadsRt ?? head.address;
  const shown = total + deceased;
  return [
    reply("rtResidents:summary", {
      rt: rt.rt,
      rw: rt.rw,
      kelurahan: rt.kelurahan,
      total: shown,
      covered,
      notCovered: total - covered,
    }),
    reply("rtResidents:list", { lines: newest.map((p, i) => toLine(p, i + 1, ctx)).join("\n") }),
    ...(shown > pageSize ? [reply("rtResidents:more", { count: shown - pageSize })] : []),
  ];
}

const pick = choose<NoData>({
  prompt: "rtResidents:prompt",
  options: [
    { value: "register", label: "rtResidents:register", aliases: ["daftar", "daftarkan", "register"] },
    { value: "menu", label: "rtResidents:menu", aliases: ["menu", "selesai", "done"] },
  ],
  onChoice: (value) => (value === "register" ? startFlow<NoData>("registration") : exit<NoData>([], true)),
});

const overviewStep: Step<NoData> = {
  prompt: async (data, ctx) => {
    const head = await findHead(ctx);
    if (!head) return [reply("rtResidents:notHead"), ...(await pick.prompt(data, ctx))];
    return [...(await toOverview(head, ctx)), ...(await pick.prompt(data, ctx))];
  },
  handle: (input, data, ctx) => pick.handle(input, data, ctx),
};

export const rtResidentsFlow = defineFlow({
  id: "rtResidents",
  version: 1,
  start: "overview",
  data: noData,
  initial: () => ({}),
  steps: { overview: overviewStep },
});
