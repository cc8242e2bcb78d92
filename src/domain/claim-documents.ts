/**
 * The documents a death claim needs (DOMAIN §3.2) for one case. Everyone: the akta kematian (a
 * surat keterangan kematian stands in until the akta is issued), the heirship letter, both KTPs,
 * the KK and the heir's bank book. A spouse adds the buku nikah; an heir outside the spouse/child
 * group (usually in another household) adds her own KK; a participant paying himself or through an
 * employer adds the KPJ card (Pemkot-enrolled members may never have had one); employer members add
 * the employer's letter. A work accident (JKK) adds the chronology, the accident report forms
 * (tahap I/II), the doctor's or hospital letter and two witnesses' KTP, and for a road accident
 * the police report or Jasa Raharja letter. School proof only while the scholarship may apply.
 * A report about someone who was never a participant is a request for staff to check: they need
 * the KTP (NIK) and the death letter, nothing for a payment.
 */
import type { Relationship } from "./heirs";
import type { MembershipAnswer } from "./membership";

export const documentTypes = [
  "kpjCard",
  "ktpDeceased",
  "ktpHeir",
  "deathCertificate",
  "familyCard",
  "heirLetter",
  "marriageBook",
  "bankBook",
  "accidentChronology",
  "schoolProof",
  "deathLetter",
  "familyCardHeir",
  "accidentReport",
  "medicalLetter",
  "witnessKtp",
  "policeReport",
  "employerLetter",
  "other",
] as const;
export type DocumentType = (typeof documentTypes)[number];

export type ClaimCase = {
  cause: "work" | "road" | "commute" | "other" | "unknown";
  relationship: Relationship;
  membership: MembershipAnswer;
  /** There are children who may get the scholarship, and it may still apply. */
  scholarship: boolean;
};

const isAccident = (cause: ClaimCase["cause"]) => cause === "work" || cause === "road" || cause === "commute";

/** The checklist for a case, in the order the heir is asked for them. */
export function requiredDocuments(claim: ClaimCase): DocumentType[] {
  if (claim.membership === "never") return ["ktpDeceased", "deathCertificate"];
  const list: DocumentType[] = ["deathCertificate", "heirLetter", "ktpDeceased", "ktpHeir", "familyCard"];
  if (claim.relationship !== "spouse" && claim.relationship !== "child") list.push("familyCardHeir");
  if (claim.relationship === "spouse") list.push("marriageBook");
  if (claim.membership === "self" || claim.membership === "employer") list.push("kpjCard");
  if (claim.membership === "employer") list.push("employerLetter");
  list.push("bankBook");
  if (isAccident(claim.cause))
    list.push("accidentChronology", "accidentReport", "medicalLetter", "witnessKtp");
  if (claim.cause === "road" || claim.cause === "commute") list.push("policeReport");
  if (claim.scholarship) list.push("schoolProof");
  return list;
}

/** Documents that count for another while it is missing: the death letter until the akta is issued. */
const standIns: Partial<Record<DocumentType, DocumentType>> = { deathCertificate: "deathLetter" };

export type DocumentState = {
  required: readonly DocumentType[];
  requested: readonly { type: DocumentType }[];
  received: readonly DocumentType[];
  /** Staff decided these are not needed for this claim. */
  waived?: readonly DocumentType[];
};

/**
 * What the heir still has to send: the checklist (a stand-in counts) and what staff asked for
 * (only the very document counts), minus what arrived or was waived.
 */
export function toMissing(claim: DocumentState): DocumentType[] {
  const have = new Set(claim.received);
  const waived = new Set(claim.waived ?? []);
  const requested = new Set(claim.requested.map((r) => r.type));
  const fromChecklist = claim.required.filter((type) => {
    const standIn = standIns[type];
    return !have.has(type) && !(standIn && have.has(standIn) && !requested.has(type));
  });
  const fromRequests = [...requested].filter((type) => !have.has(type));
  return [...new Set([...fromChecklist, ...fromRequests])].filter(
    (type) => type !== "other" && !waived.has(type),
  );
}
