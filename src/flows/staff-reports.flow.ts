/**
 * "Rekap" in the staff menu: coverage, the APBD projection and claims per stage, short enough for
 * a chat. The figures come from src/reports (counted in the database), the same as
 * `npm run report`, which has every detail, per RT, as XLSX. Every summary shown is audited.
 */
import { z } from "zod";
import type { FlowContext } from "../core/flow";
import { defineFlow, exit, next } from "../core/flow";
import { reply, type Reply } from "../core/messages";
import { choose } from "../core/steps";
import type { I18nKey } from "../i18n/keys";
import { computeBudgetReport } from "../reports/budget.report";
import { computeClaimsReport } from "../reports/claims.report";
import { computeCoverageReport } from "../reports/coverage.report";
import { defaultReportAssumptions } from "../reports/report-assumptions";
import { toActor } from "./registration/registration.data";

const noData = z.object({});
type NoData = z.infer<typeof noData>;

const assumptionsOf = (ctx: FlowContext) =>
  ctx.services.settings.reportAssumptions ?? defaultReportAssumptions();

async function toCoverage(ctx: FlowContext): Promise<Reply[]> {
  const report = await computeCoverageReport(ctx.services.reports, assumptionsOf(ctx));
  const { totals, rtHeads } = report;
  const t = (key: I18nKey) => ctx.translator.t(ctx.language, key);
  return [
    reply("staffReports:coverage", {
      total: totals.total,
      active: totals.byStatus.active,
      pending: totals.byStatus.pending,
      other: totals.total - totals.byStatus.active - totals.byStatus.pending,
      apbd: totals.apbd,
      self: totals.self,
      rtsWithHead: rtHeads.rtsWithHead,
      officialRts: rtHeads.officialTotal,
      rtPercent: ((rtHeads.rtsWithHead / rtHeads.officialTotal) * 100).toFixed(1),
      unconfirmed: rtHeads.confirmed ? "" : t("staffReports:unconfirmed"),
      quota: report.quota.map((q) => `${q.label} ${q.active + q.pending}/${q.target}`).join(" · "),
      kecamatan:
        report.kecamatan.map((k) => `• ${k.name}: ${k.byStatus.active} / ${k.total}`).join("\n") || "-",
    }),
    reply("staffReports:more"),
  ];
}

async function toBudget(ctx: FlowContext): Promise<Reply[]> {
  const report = await computeBudgetReport(ctx.services.reports, assumptionsOf(ctx));
  return [
    reply("staffReports:budget", {
      year: report.year,
      targetMembers: report.byTarget.members.toLocaleString(ctx.language === "id" ? "id-ID" : "en-GB"),
      perMember: report.byTarget.rows[0]?.monthlyPerMember ?? 0,
      targetYearly: report.byTarget.yearly,
      apbdMembers: report.byRegistrations.apbdMembers,
      apbdYearly: report.byRegistrations.apbdYearly,
    }),
  ];
}

async function toClaims(ctx: FlowContext): Promise<Reply[]> {
  const report = await computeClaimsReport(ctx.services.reports, ctx.services.claims, ctx.now);
  const line = (stage: string, count: number, days: number | undefined) =>
    ctx.translator.t(ctx.language, "staffReports:claimLine", {
      stage,
      count,
      average: days === undefined ? "" : ctx.translator.t(ctx.language, "staffReports:average", { days }),
    });
  const lines = report.rows.map((r) => line(r.stage, r.now, r.averageDays)).join("\n");
  return [reply("staffReports:claims", { lines, overdue: report.overdue })];
}

const makers = { coverage: toCoverage, budget: toBudget, claims: toClaims } as const;

export const staffReportsFlow = defineFlow({
  id: "staffReports",
  version: 1,
  start: "pick",
  staffOnly: true,
  permission: "reports.view",
  staffMenuLabel: "staffReports:menuLabel",
  data: noData,
  initial: () => ({}),
  steps: {
    pick: choose<NoData>({
      prompt: "staffReports:pick.prompt",
      options: [
        { value: "coverage", label: "staffReports:pick.coverage", aliases: ["cakupan", "coverage"] },
        { value: "budget", label: "staffReports:pick.budget", aliases: ["apbd", "anggaran", "budget"] },
        { value: "claims", label: "staffReports:pick.claims", aliases: ["klaim", "claims"] },
        { value: "exit", label: "staffReports:pick.exit", aliases: ["selesai", "done"] },
      ],
      onChoice: async (value, data, ctx) => {
        if (value === "exit") return exit<NoData>([], true);
        const name = value as keyof typeof makers;
        await ctx.services.audit.record({
          at: ctx.now,
          actor: toActor(ctx),
          action: "report.viewed",
          target: `report:${name}`,
        });
        return next("pick", data, await makers[name](ctx));
      },
    }),
  },
});
