/** A 16-digit NIK typed into a console search ("1571 0201 0180 0001" too), or undefined. */
export function toTypedNik(text: string): string | undefined {
  const digits = text.replace(/[\s.-]/g, "");
  return /^\d{16}$/.test(digits) ? digits : undefined;
}
