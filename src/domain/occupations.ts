/**
 * The occupations the registration offers (DOMAIN §1.1): common informal work, RT heads and
 * religious workers. The sector decides the 2026 discount period (transport vs other);
 * RT heads and petugas syara' are Pemkot-funded groups (DOMAIN §6 Q3, criteria [U]).
 */
import type { Sector } from "./contributions";

export type OccupationCode =
  "ojek" | "pedagang" | "petani" | "nelayan" | "buruh_harian" | "ketua_rt" | "petugas_syara" | "lainnya";

export type Occupation = {
  code: OccupationCode;
  sector: Sector;
  /** Funded by the Pemkot (APBD) as a group; other workers may be proposed as pekerja rentan. */
  apbdGroup: boolean;
  /** Typed words that pick it. */
  aliases: readonly string[];
};

export const occupations: readonly Occupation[] = [
  { code: "ojek", sector: "transport", apbdGroup: false, aliases: ["ojek", "ojol", "driver", "sopir", "supir", "kurir", "courier", "angkot", "gojek", "grab", "maxim", "shopeefood", "antar paket"] },
  { code: "pedagang", sector: "other", apbdGroup: false, aliases: ["pedagang", "dagang", "jualan", "warung", "umkm", "trader"] },
  { code: "petani", sector: "other", apbdGroup: false, aliases: ["petani", "tani", "kebun", "farmer"] },
  { code: "nelayan", sector: "other", apbdGroup: false, aliases: ["nelayan", "ikan", "fisher", "fisherman"] },
  { code: "buruh_harian", sector: "other", apbdGroup: false, aliases: ["buruh", "buruh harian", "kuli", "tukang", "harian", "labourer"] },
  { code: "ketua_rt", sector: "other", apbdGroup: true, aliases: ["ketua rt", "rt", "pak rt", "bu rt", "rt head"] },
  { code: "petugas_syara", sector: "other", apbdGroup: true, aliases: ["syara", "petugas syara", "marbot", "imam", "guru ngaji", "pegawai syara", "religious"] },
  { code: "lainnya", sector: "other", apbdGroup: false, aliases: ["lainnya", "lain", "lain lain", "other"] },
]; // prettier-ignore

export function findOccupation(code: string): Occupation | undefined {
  return occupations.find((o) => o.code === code);
}
