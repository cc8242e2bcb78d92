/**
 * Who may join BPU cover, from a few answers (DOMAIN §1.1, §1.8, §6 Q3–Q5, Q29). Never more
 * certain than the facts: the age limit, dual membership and the Pemkot's criteria are [U], so
 * those outcomes tell the user to confirm with the branch or the kelurahan.
 */
import { programmeFacts } from "./programme-facts";

export type EligibilityAnswers = {
  hasNik: boolean;
  age: number;
  livesInJambi: boolean;
  /** Only asked of people living in Kota Jambi. */
  rtHead?: boolean;
  ownWork?: boolean;
  employerCovered?: boolean;
};

export type EligibilityOutcome =
  "noNik" | "tooOld" | "tooYoung" | "rtHead" | "notOwnWork" | "employerCovered" | "outsideJambi" | "eligible";

/** The outcome that decides the next step; the first rule that applies wins. */
export function toEligibilityOutcome(answers: EligibilityAnswers): EligibilityOutcome {
  if (!answers.hasNik) return "noNik";
  if (answers.age >= programmeFacts.maxRegistrationAge.value) return "tooOld";
  if (answers.age < programmeFacts.practicalMinAge.value) return "tooYoung";
  if (answers.livesInJambi && answers.rtHead) return "rtHead";
  if (answers.ownWork === false) return "notOwnWork";
  if (answers.employerCovered) return "employerCovered";
  if (!answers.livesInJambi) return "outsideJambi";
  return "eligible";
}
