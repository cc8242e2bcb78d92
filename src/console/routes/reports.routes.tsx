/**
 * Reports (issue 17, from the operations issue's src/reports): coverage per kecamatan and
 * kelurahan with the APBD quota, the APBD projection, and claims per stage, each with a bar chart
 * drawn as SVG on the server. The figures are counted in the database through `services.reports`,
 * which a kelurahan officer's scope narrows to their kelurahan (core/staff-scope.ts); the city's
 * budget projection is shown to city-wide accounts only. Every view is audited.
 */
import type { Hono } from "hono";
import { formatRupiah } from "../../domain/money";
import { computeBudgetReport, type BudgetReport } from "../../reports/budget.report";
import { computeClaimsReport, type ClaimsReport } from "../../reports/claims.report";
import { computeCoverageReport, type CoverageReport } from "../../reports/coverage.report";
import { defaultReportAssumptions } from "../../reports/report-assumptions";
import { page, requires } from "../console-http";
import type { ConsoleContext, ConsoleEnv, View } from "../console.types";
import { BarChart } from "../pages/bar-chart";

const number = (n: number, view: View) => n.toLocaleString(view.language === "id" ? "id-ID" : "en-US");

function Coverage({ report, view }: { report: CoverageReport; view: View }) {
  const { totals } = report;
  // One kecamatan (a filter, or a kelurahan officer's area): its kelurahan are the bars.
  const byKelurahan = report.kecamatan.length === 1;
  const bars = byKelurahan
    ? (report.kecamatan[0]?.kelurahan ?? []).map((k) => ({ label: k.name, value: k.total }))
    : report.kecamatan.map((k) => ({ label: k.name, value: k.total }));
  const rows = report.kecamatan.flatMap((kec) => kec.kelurahan.map((kel) => ({ kec: kec.name, kel })));
  return (
    <section class="card" id="coverage">
      <h2>{view.t("console:reports.coverage")}</h2>
      <p>
        {view.t("console:reports.coverageTotals", {
          total: number(totals.total, view),
          active: number(totals.byStatus.active, view),
          pending: number(totals.byStatus.pending, view),
          apbd: number(totals.apbd, view),
          self: number(totals.self, view),
        })}
      </p>
      <BarChart
        id="coverage-chart"
        title={view.t(byKelurahan ? "console:reports.perKelurahan" : "console:reports.perKecamatan")}
        bars={bars}
      />
      <details>
        <summary>{view.t("console:reports.perKelurahan")}</summary>
        <table id="coverage-table">
          <thead>
            <tr>
              <th>{view.t("console:reports.kecamatan")}</th>
              <th>{view.t("console:reports.kelurahan")}</th>
              <th>{view.t("console:reports.total")}</th>
              <th>{view.t("console:reports.active")}</th>
              <th>{view.t("console:reports.pending")}</th>
              <th class="opt">{view.t("console:reports.apbd")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(({ kec, kel }) => (
              <tr>
                <td>{kec}</td>
                <td>{kel.name}</td>
                <td>{number(kel.total, view)}</td>
                <td>{number(kel.byStatus.active, view)}</td>
                <td>{number(kel.byStatus.pending, view)}</td>
                <td class="opt">{number(kel.apbd, view)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <h3>{view.t("console:reports.quota")}</h3>
      <BarChart
        id="quota-chart"
        title={view.t("console:reports.quota")}
        bars={report.quota.map((q) => ({
          label: q.label,
          value: q.active + q.pending,
          text: `${number(q.active + q.pending, view)} / ${number(q.target, view)} (${q.percent}%)`,
        }))}
      />
    </section>
  );
}

function Budget({ report, view }: { report: BudgetReport; view: View }) {
  const { byTarget, byRegistrations } = report;
  const money = (n: number) => formatRupiah(n, view.language);
  return (
    <section class="card" id="budget">
      <h2>{view.t("console:reports.budget", { year: report.year })}</h2>
      <BarChart
        id="budget-chart"
        title={view.t("console:reports.budget", { year: report.year })}
        bars={[
          { label: view.t("console:reports.byTarget"), value: byTarget.yearly, text: money(byTarget.yearly) },
          {
            label: view.t("console:reports.byRegistrations"),
            value: byRegistrations.apbdYearly,
            text: money(byRegistrations.apbdYearly),
          },
        ]}
      />
      <p class="muted">
        {view.t("console:reports.budgetNote", {
          targetMembers: number(byTarget.members, view),
          apbdMembers: number(byRegistrations.apbdMembers, view),
          selfMembers: number(byRegistrations.selfMembers, view),
          selfYearly: money(byRegistrations.selfYearly),
        })}
      </p>
      <ul class="muted">
        {report.assumptions.map((a) => (
          <li>{a}</li>
        ))}
      </ul>
    </section>
  );
}

function Claims({ report, view }: { report: ClaimsReport; view: View }) {
  return (
    <section class="card" id="claims-report">
      <h2>{view.t("console:reports.claims")}</h2>
      <p>
        {view.t("console:reports.claimsTotals", {
          total: number(report.total, view),
          overdue: number(report.overdue, view),
        })}
      </p>
      <BarChart
        id="claims-chart"
        title={view.t("console:reports.claims")}
        bars={report.rows.map((r) => ({
          label: view.t(`claimStatus:stage.${r.stage}`),
          value: r.now,
          warn: r.overdue > 0,
          text:
            r.overdue > 0
              ? view.t("console:reports.withOverdue", { count: r.now, overdue: r.overdue })
              : String(r.now),
        }))}
      />
    </section>
  );
}

async function show(c: ConsoleContext) {
  const { services, view, principal } = c.var;
  const assumptions = services.settings.reportAssumptions ?? defaultReportAssumptions();
  const city = principal.scope.type === "city";
  const [coverage, budget, claims] = await Promise.all([
    computeCoverageReport(services.reports, assumptions),
    city ? computeBudgetReport(services.reports, assumptions) : Promise.resolve(null),
    computeClaimsReport(services.reports, services.claims, view.now),
  ]);
  await services.audit.record({
    at: view.now,
    actor: principal.actor,
    action: "report.viewed",
    target: "report:console",
  });
  return page(
    c,
    view.t("console:reports.title"),
    <>
      {city ? null : <p class="muted">{view.t("console:reports.scoped")}</p>}
      <Coverage report={coverage} view={view} />
      {budget ? <Budget report={budget} view={view} /> : null}
      <Claims report={claims} view={view} />
    </>,
  );
}

export function registerReports(app: Hono<ConsoleEnv>): void {
  app.get("/reports", requires("reports.view"), show);
}
