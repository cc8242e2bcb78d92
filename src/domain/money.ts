/** Rupiah amounts: whole rupiah as integers; formatting for Indonesian and English readers. */

/** "Rp 42.000.000" (id) or "Rp 42,000,000" (en). Negative amounts keep their sign. */
export function formatRupiah(amount: number, language: "id" | "en" = "id"): string {
  const rounded = Math.round(amount);
  const digits = Math.abs(rounded)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, language === "id" ? "." : ",");
  return `${rounded < 0 ? "-" : ""}Rp ${digits}`;
}
