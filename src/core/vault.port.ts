/**
 * Protection of identifiers (NIK, KPJ, account numbers): encrypted at rest (AES-256-GCM)
 * with a keyed hash (HMAC-SHA256) for lookups and duplicate checks. Implemented in src/security.
 */
export type Sealed = {
  /** base64 of iv | tag | ciphertext, prefixed with the key id: "k1:…". */
  cipher: string;
  /** hex HMAC-SHA256 of the normalised value, for equality lookups. */
  hash: string;
};

export interface PersonalDataVault {
  seal(value: string): Sealed;
  open(sealed: Pick<Sealed, "cipher">): string;
  /** Keyed hash only, for looking up a value typed by a user. */
  hash(value: string): string;
}
