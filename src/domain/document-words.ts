/**
 * How heirs name claim documents: words in a photo's caption ("foto KTP suami", "akta kematian",
 * "kk") and the short words they type when asked which document they sent.
 */
import type { DocumentType } from "./claim-documents";

/** Words in a caption that name a document type, most specific first. */
const captionWords: ReadonlyArray<readonly [DocumentType, RegExp]> = [
  ["deathLetter", /\b(surat|sk|suket)\s*(keterangan\s*)?(ke)?mati|\bdeath\s*(letter|notice)/],
  ["deathCertificate", /\b(akta|akte)\s*(ke)?mati|death\s*cert|kematian\b/],
  ["heirLetter", /ahli\s*waris|heir/],
  ["marriageBook", /buku\s*nikah|akta\s*nikah|surat\s*nikah|marriage/],
  ["bankBook", /tabungan|rekening|buku\s*bank|bank\s*book|passbook/],
  ["familyCardHeir", /\b(kk|kartu\s*keluarga)\b.*\b(saya|ahli\s*waris|pelapor|my|mine)\b/],
  ["familyCard", /\bkk\b|kartu\s*keluarga|family\s*card/],
  ["kpjCard", /\bkpj\b|kartu\s*(bpjs|peserta)|jmo|member(ship)?\s*card/],
  ["policeReport", /polisi|polres|polsek|jasa\s*raharja|police/],
  ["accidentReport", /formulir|tahap\s*(i|1|ii|2)\b|form\b/],
  ["medicalLetter", /dokter|rumah\s*sakit|\brs\b|puskesmas|klinik|doctor|hospital/],
  ["witnessKtp", /saksi|witness/],
  ["employerLetter", /perusahaan|kantor|hrd|employer/],
  ["accidentChronology", /kronologi|kecelakaan|accident|chronolog/],
  ["schoolProof", /sekolah|kuliah|rapor|raport|school/],
  ["ktpHeir", /\b(ktp|e-?ktp|id\s*card)\b.*\b(saya|ahli\s*waris|pelapor|heir|my|mine)\b/],
  [
    "ktpDeceased",
    /\b(ktp|e-?ktp|id\s*card)\b.*\b(alm|almarhum|almarhumah|suami|istri|bapak|ibu|ayah|deceased|husband|wife)\b/,
  ],
];

/** The document type a caption names, if it names one clearly. */
export function toDocumentTypeFromCaption(caption: string): DocumentType | undefined {
  const text = caption.toLowerCase();
  return captionWords.find(([, pattern]) => pattern.test(text))?.[0];
}

/** Short words people type to name a document when asked which one they sent. */
export const documentAliases: Readonly<Record<DocumentType, readonly string[]>> = {
  kpjCard: ["kpj", "kartu bpjs", "kartu peserta", "jmo"],
  ktpDeceased: ["ktp almarhum", "ktp almarhumah", "ktp alm", "ktp suami", "ktp istri"],
  ktpHeir: ["ktp saya", "ktp ahli waris", "ktp pelapor", "my ktp"],
  deathCertificate: ["akta kematian", "akte kematian", "akta", "death certificate"],
  deathLetter: ["surat kematian", "surat keterangan kematian", "sk kematian", "death letter"],
  familyCard: ["kk", "kartu keluarga", "kk almarhum", "family card"],
  familyCardHeir: ["kk saya", "kartu keluarga saya", "kk ahli waris"],
  heirLetter: ["ahli waris", "surat ahli waris", "surat keterangan ahli waris", "heirship letter"],
  marriageBook: ["buku nikah", "akta nikah", "surat nikah"],
  bankBook: ["buku tabungan", "tabungan", "rekening", "bank book"],
  accidentChronology: ["kronologi", "kronologi kecelakaan"],
  accidentReport: ["formulir", "formulir kecelakaan", "tahap 1", "tahap 2", "laporan kecelakaan"],
  medicalLetter: ["surat dokter", "surat rumah sakit", "surat rs"],
  policeReport: ["laporan polisi", "surat polisi", "jasa raharja"],
  witnessKtp: ["ktp saksi", "saksi"],
  employerLetter: ["surat perusahaan", "surat kantor", "surat hrd"],
  schoolProof: ["bukti sekolah", "sekolah", "rapor", "kuliah"],
  other: ["lain", "lainnya", "dokumen lain", "other"],
};
