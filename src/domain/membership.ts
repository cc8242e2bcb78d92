/**
 * Whether the deceased was a BPJS Ketenagakerjaan participant, as the heir knows it (issue 13):
 * enrolled by the Pemkot (RT heads, pekerja rentan), paying himself (BPU mandiri), through an
 * employer, never, or unknown. Only BPJS data (or staff who checked it) confirms membership; this
 * answer decides which questions and documents make sense, never what is paid.
 */
export const membershipAnswers = ["pemkot", "self", "employer", "never", "unknown"] as const;
export type MembershipAnswer = (typeof membershipAnswers)[number];

const toWords = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;

const negation = "(?:gak|ga|gk|nggak|ngga|enggak|engga|tidak|tdk|tak|belum|blm|blom|ndak|bukan)";
const patterns: ReadonlyArray<readonly [MembershipAnswer, RegExp]> = [
  [
    "unknown",
    new RegExp(
      ` ${negation} (?:tau|tahu|tw|ingat|inget|yakin|paham) |entah|kurang tahu|lupa|don t know|not sure`,
    ),
  ],
  [
    "never",
    new RegExp(
      ` ${negation} (?:pernah )?(?:di)?(?:daftar|terdaftar|ikut|jadi peserta|punya (?:kartu )?bpjs|peserta)|bukan peserta|never (?:registered|joined)|not a (?:member|participant)`,
    ),
  ],
  ["employer", / (?:perusahaan|kantor|pabrik|tempat kerja|majikan|pt|cv|employer|company) /],
  [
    "pemkot",
    / (?:pemkot|pemerintah|ketua rt|pak rt|kartu bahagia|kampung bahagia|apbd|ditanggung|dibayar (?:kota|pemkot|pemerintah)|city) /,
  ],
  ["self", / (?:bayar sendiri|sendiri|mandiri|bpu|myself|himself|herself|own) /],
];

/** What a free-text answer says about membership ("bapak sy gak pernah daftar bpjs" → never). */
export function toMembershipAnswer(text: string): MembershipAnswer | undefined {
  const words = toWords(text);
  return patterns.find(([, pattern]) => pattern.test(words))?.[0];
}

/** True when the text plainly says the deceased was never registered (understood at any step). */
export function saysNeverRegistered(text: string): boolean {
  const words = toWords(text);
  return (
    /bpjs|daftar|peserta|terdaftar|registered|member/.test(words) && toMembershipAnswer(text) === "never"
  );
}
