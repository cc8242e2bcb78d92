/** A claim on the board or in search results: reference, programme, overdue mark, days in stage, SLA. */
import type { Claim } from "../../core/claims.port";
import { slaRunningStages } from "../../domain/claim-lifecycle";
import { toJakartaDay } from "../../domain/jakarta-time";
import type { WorkingCalendar } from "../../domain/working-days";
import type { View } from "../console.types";

/** Working days from the WIB day after `from` up to `now`'s day (capped at a year). */
export function countWorkingDays(calendar: WorkingCalendar, from: Date, now: Date): number {
  const end = toJakartaDay(now);
  let days = 0;
  for (let i = 1; i <= 366; i++) {
    const day = toJakartaDay(new Date(from.getTime() + i * 86_400_000));
    if (day > end) break;
    if (calendar.isWorkingDay(day)) days += 1;
  }
  return days;
}

export const isOverdue = (claim: Claim, calendar: WorkingCalendar, now: Date) =>
  Boolean(claim.slaDue && slaRunningStages.includes(claim.stage) && calendar.isPast(claim.slaDue, now));

export function ClaimCard({
  claim,
  view,
  calendar,
}: {
  claim: Claim;
  view: View;
  calendar: WorkingCalendar;
}) {
  const overdue = isOverdue(claim, calendar, view.now);
  return (
    <a
      href={`/claims/${claim.reference}`}
      class={overdue ? "claim overdue" : "claim"}
      data-reference={claim.reference}
    >
      <strong>{claim.reference}</strong> <span class="badge">{claim.programme}</span>
      {overdue ? <span class="badge bad">{view.t("console:claims.overdue")}</span> : null}
      <div>{claim.deceased.name}</div>
      <div class="muted">{claim.deceased.kelurahan ?? "-"}</div>
      <div class="muted">
        {view.t("console:claims.inStage", { days: countWorkingDays(calendar, claim.stageAt, view.now) })}
      </div>
      {claim.slaDue ? (
        <div class="muted">
          {view.t("console:claims.sla", { date: new Date(`${claim.slaDue}T12:00:00+07:00`) })}
        </div>
      ) : null}
    </a>
  );
}
