/**
 * Registration of an informal worker or RT head, by themselves or by their RT head (issue 3):
 * consent → who → name → NIK → birth date/sex → phone → address → occupation (→ RT led) →
 * income → who pays → programmes → summary (edit any answer) → saved as "menunggu verifikasi".
 */
import { defineFlow } from "../core/flow";
import { createAreaSteps } from "./registration/area.steps";
import { consentSteps } from "./registration/consent.steps";
import { contactSteps } from "./registration/contact.steps";
import { identitySteps } from "./registration/identity.steps";
import { nextOrSummary, registrationData, type RegistrationData } from "./registration/registration.data";
import { submitRegistration } from "./registration/submit";
import { summarySteps } from "./registration/summary.steps";
import { afterOccupation, workSteps } from "./registration/work.steps";

const areaSteps = createAreaSteps<RegistrationData>((data) =>
  data.areaTarget === "leadsRt" ? afterOccupation(data) : nextOrSummary("occupation", data),
);

export const registrationFlow = defineFlow<RegistrationData>({
  id: "registration",
  version: 3,
  start: "consent",
  data: registrationData,
  initial: () => ({}),
  steps: {
    ...consentSteps,
    ...identitySteps,
    ...contactSteps,
    ...areaSteps,
    ...workSteps,
    ...summarySteps,
  },
  complete: submitRegistration,
});
