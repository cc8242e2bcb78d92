/**
 * "Lapor kematian / klaim": an heir reports a participant's death. Condolences and consent first,
 * then who died (looked up among registrations), when and how, whether he was a BPJS participant,
 * who the heir is; a review of everything before filing; then one short turn with the claim
 * reference and the checklist, and the documents step. What the opening message said ("suami sy
 * meninggal kemarin") is not asked again; "bapak sy gak pernah daftar bpjs" is understood anywhere.
 */
import { z } from "zod";
import type { Step } from "../../core/flow";
import { defineFlow } from "../../core/flow";
import { saysNeverRegistered } from "../../domain/membership";
import { addFlag, deathReportData, type DeathReportData } from "./death-report.data";
import { heirSteps } from "./heir.steps";
import { identifySteps } from "./identify.steps";
import { advance } from "./next-step";
import { readOpening } from "./opening";
import { completeDeathReport } from "./report-summary";
import { reviewStep } from "./review.step";

type D = DeathReportData;

/**
 * At any question, "bapak sy gak pernah daftar bpjs, gmn dong?" answers the membership question:
 * explained at once, and the question that was asked comes again (or the next missing one).
 */
function understandingMembership(steps: Record<string, Step<D>>): Record<string, Step<D>> {
  return Object.fromEntries(
    Object.entries(steps).map(([id, step]) => [
      id,
      id === "membership" || id === "consent"
        ? step
        : {
            ...step,
            handle: (input, data, ctx) =>
              input.text && saysNeverRegistered(input.text) && data.membership !== "never"
                ? advance(addFlag({ ...data, membership: "never" }, "heir_says_not_a_participant"), ctx, [
                    { key: "deathReport:membership.neverNote" },
                  ])
                : step.handle(input, data, ctx),
          },
    ]),
  );
}

const opening = z.object({ said: z.string() });

export const deathReportFlow = defineFlow<D>({
  id: "deathReport",
  version: 2,
  start: "consent",
  data: deathReportData,
  initial: (ctx, input) => {
    const said = opening.safeParse(input);
    const prefilled = said.success ? readOpening(said.data.said, ctx.now) : {};
    return { lookedUp: false, flags: [], ...prefilled };
  },
  steps: understandingMembership({ ...identifySteps, ...heirSteps, review: reviewStep }),
  complete: completeDeathReport,
});
