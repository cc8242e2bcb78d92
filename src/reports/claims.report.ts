/**
 * Death claims per stage: how many are in each stage now and how many of those are past the BPJS
 * payment deadline (both counted in the database), and the average days claims spent in each
 * stage, from the stage history (claims are few, hundreds a year: one read of their history).
 */
import type { ClaimRepository } from "../core/claims.port";
import type { ReportQueries } from "../core/report-queries.port";
import { claimStages, slaRunningStages, type Stage } from "../domain/claim-lifecycle";
import { toJakartaDay } from "../domain/jakarta-time";

export type ClaimStageRow = {
  stage: Stage;
  now: number;
  overdue: number;
  /** Average days a claim stayed in this stage before moving on; undefined when none has left it yet. */
  averageDays?: number;
  /** How many stage stays the average is over. */
  stays: number;
};

export type ClaimsReport = { rows: ClaimStageRow[]; total: number; overdue: number };

const dayMs = 86_400_000;

export async function computeClaimsReport(
  queries: ReportQueries,
  claims: Pick<ClaimRepository, "list">,
  now: Date,
): Promise<ClaimsReport> {
  const perStage = await queries.groupCount("claims", {}, ["stage"]);
  const overdue = await queries.groupCount(
    "claims",
    { stage: { $in: [...slaRunningStages] }, slaDue: { $lt: toJakartaDay(now) } },
    ["stage"],
  );
  const stays = new Map<Stage, number[]>();
  for (const claim of await claims.list({})) {
    claim.history.forEach((entry, i) => {
      const next = claim.history[i + 1];
      if (!next) return;
      const list = stays.get(entry.stage) ?? [];
      list.push((next.at.getTime() - entry.at.getTime()) / dayMs);
      stays.set(entry.stage, list);
    });
  }
  const countOf = (groups: typeof perStage, stage: Stage) =>
    groups.find((g) => g.key.stage === stage)?.count ?? 0;
  const rows = claimStages.map((stage) => {
    const days = stays.get(stage) ?? [];
    const average =
      days.length === 0 ? undefined : Math.round((days.reduce((s, d) => s + d, 0) / days.length) * 10) / 10;
    return {
      stage,
      now: countOf(perStage, stage),
      overdue: countOf(overdue, stage),
      ...(average === undefined ? {} : { averageDays: average }),
      stays: days.length,
    };
  });
  return {
    rows,
    total: rows.reduce((s, r) => s + r.now, 0),
    overdue: rows.reduce((s, r) => s + r.overdue, 0),
  };
}
