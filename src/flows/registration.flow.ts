/**
 * Registration of an informal worker or RT head by themselves, or of residents by their RT head
 * (issues 3, 14): consent → name and NIK (one message) → phone unless the channel gives it →
 * address (kelurahan with RT/RW) → occupation → income → who pays and programmes → summary (any
 * answer can be changed) → saved as "menunggu verifikasi". Where "daftar" leads: registration/entry.ts.
 */
import { defineFlow } from "../core/flow";
import { createAreaSteps } from "./registration/area.steps";
import { consentSteps } from "./registration/consent.steps";
import { contactSteps } from "./registration/contact.steps";
import { identitySteps } from "./registration/identity.steps";
import { planSteps } from "./registration/plan.steps";
import { nextOrSummary, registrationData, type RegistrationData } from "./registration/registration.data";
import { registrationStart } from "./registration/registration.data";
import { submitRegistration } from "./registration/submit";
import { summarySteps } from "./registration/summary.steps";
import { afterAddress, workSteps } from "./registration/work.steps";

const areaSteps = createAreaSteps<RegistrationData>((data) =>
  data.areaTarget === "leadsRt" ? nextOrSummary("income", data) : afterAddress(data),
);

export const registrationFlow = defineFlow<RegistrationData>({
  id: "registration",
  version: 4,
  start: "consent",
  data: registrationData,
  initial: (_ctx, input) => {
    const start = registrationStart.safeParse(input ?? {});
    return start.success ? start.data : {};
  },
  steps: {
    ...consentSteps,
    ...identitySteps,
    ...contactSteps,
    ...areaSteps,
    ...workSteps,
    ...planSteps,
    ...summarySteps,
  },
  complete: submitRegistration,
});
