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
  /** Keyed hash under the current hash key, for storing and for pseudonyms. */
  hash(value: string): string;
  /**
   * The keyed hashes of a value under every hash key still configured, current first: look a
   * typed NIK up with all of them, so records not yet re-hashed after a key rotation are found.
   */
  hashes(value: string): string[];
}
