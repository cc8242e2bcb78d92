/**
 * "Lapor kematian / klaim": an heir reports a participant's death. Condolences and consent first,
 * then who died (matched against registrations), when and how, who the heir is and where they stand
 * in the order of heirs; it ends with a claim reference, the checklist and the documents step.
 */
import { defineFlow } from "../../core/flow";
import { deathReportData, type DeathReportData } from "./death-report.data";
import { heirSteps } from "./heir.steps";
import { identifySteps } from "./identify.steps";
import { completeDeathReport } from "./report-summary";

export const deathReportFlow = defineFlow<DeathReportData>({
  id: "deathReport",
  version: 1,
  start: "consent",
  data: deathReportData,
  initial: () => ({ matchConfirmed: false, flags: [] }),
  steps: { ...identifySteps, ...heirSteps },
  complete: completeDeathReport,
});
