/**
 * The documents a death claim needs (DOMAIN §3.2) for one case: the core list for everyone,
 * the buku nikah for a spouse, the accident chronology for JKK (DOMAIN §2.3), school proof
 * when children may get the scholarship. The NPWP (JHT only) and wage-earner letters are left out.
 */
import type { Relationship } from "./heirs";

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
  "other",
] as const;
export type DocumentType = (typeof documentTypes)[number];

export type ClaimCase = {
  programme: "JKK" | "JKM";
  relationship: Relationship;
  schoolChildren: boolean;
};

/** The checklist for a case, in the order the heir is asked for them. */
export function requiredDocuments(claim: ClaimCase): DocumentType[] {
  const list: DocumentType[] = [
    "deathCertificate",
    "heirLetter",
    "ktpDeceased",
    "ktpHeir",
    "familyCard",
    "kpjCard",
    "bankBook",
  ];
  if (claim.relationship === "spouse") list.push("marriageBook");
  if (claim.programme === "JKK") list.push("accidentChronology");
  if (claim.schoolChildren) list.push("schoolProof");
  return list;
}

/** What is still missing: required and requested types not yet received. */
export function missingDocuments(
  required: readonly DocumentType[],
  received: readonly DocumentType[],
): DocumentType[] {
  const have = new Set(received);
  return [...new Set(required)].filter((type) => type !== "other" && !have.has(type));
}

/** Words in a caption that name a document type ("foto KTP suami", "akta kematian", "kk"). */
const captionWords: ReadonlyArray<readonly [DocumentType, RegExp]> = [
  ["deathCertificate", /\b(akta|akte|surat)\s*(ke)?mati|death\s*cert|kematian\b/],
  ["heirLetter", /ahli\s*waris|heir/],
  ["marriageBook", /buku\s*nikah|akta\s*nikah|surat\s*nikah|marriage/],
  ["bankBook", /tabungan|rekening|buku\s*bank|bank\s*book|passbook/],
  ["familyCard", /\bkk\b|kartu\s*keluarga|family\s*card/],
  ["kpjCard", /\bkpj\b|kartu\s*(bpjs|peserta)|jmo|member(ship)?\s*card/],
  ["accidentChronology", /kronologi|kecelakaan|accident|chronolog/],
  ["schoolProof", /sekolah|kuliah|rapor|raport|school/],
  ["ktpHeir", /\b(ktp|e-?ktp|id\s*card)\b.*\b(saya|ahli\s*waris|pelapor|heir|my|mine)\b/],
  [
    "ktpDeceased",
    /\b(ktp|e-?ktp|id\s*card)\b.*\b(alm|almarhum|almarhumah|suami|istri|bapak|ibu|ayah|deceased|husband|wife)\b/,
  ],
];

/** The document type a caption names, if it names exactly one clearly. */
export function toDocumentTypeFromCaption(caption: string): DocumentType | undefined {
  const text = caption.toLowerCase();
  return captionWords.find(([, pattern]) => pattern.test(text))?.[0];
}

/** What the heir still has to send for a claim: its checklist and staff requests, minus what arrived. */
export function toMissing(claim: {
  required: readonly DocumentType[];
  requested: readonly { type: DocumentType }[];
  received: readonly DocumentType[];
}): DocumentType[] {
  return missingDocuments([...claim.required, ...claim.requested.map((r) => r.type)], claim.received);
}

/** Short words people type to name a document when asked which one they sent. */
export const documentAliases: Readonly<Record<DocumentType, readonly string[]>> = {
  kpjCard: ["kpj", "kartu bpjs", "kartu peserta", "jmo"],
  ktpDeceased: ["ktp almarhum", "ktp almarhumah", "ktp alm", "ktp suami", "ktp istri"],
  ktpHeir: ["ktp saya", "ktp ahli waris", "ktp pelapor", "my ktp"],
  deathCertificate: ["akta kematian", "akte kematian", "akta", "surat kematian", "death certificate"],
  familyCard: ["kk", "kartu keluarga", "family card"],
  heirLetter: ["ahli waris", "surat ahli waris", "surat keterangan ahli waris", "heirship letter"],
  marriageBook: ["buku nikah", "akta nikah", "surat nikah"],
  bankBook: ["buku tabungan", "tabungan", "rekening", "bank book"],
  accidentChronology: ["kronologi", "kronologi kecelakaan"],
  schoolProof: ["bukti sekolah", "sekolah", "rapor", "kuliah"],
  other: ["lain", "lainnya", "dokumen lain", "other"],
};
