/**
 * Death claims (issue 5 owns the implementation). Broadcast reminders rely on
 * `listAwaitingDocuments`. Extend freely; do not rename.
 */
import type { Contact, ClaimsCheck } from "./people.port";
import type { DocumentType } from "../domain/claim-documents";
import type { Claim, ClaimAwaitingDocuments, ClaimStage, CreateClaimResult, NewClaim } from "./claim";

export type {
  ClaimStage,
  ClaimAwaitingDocuments,
  ClaimCause,
  ClaimHistoryEntry,
  ClaimNotification,
  DocumentRequest,
  ClaimMembership,
  OtherReporter,
  Claim,
  NewClaim,
  CreateClaimResult,
} from "./claim";

export type ClaimQuery = {
  stage?: ClaimStage | ClaimStage[];
  slaDueBefore?: string;
  /** Only claims of deceased from these kelurahan (a kelurahan officer's scope). */
  kelurahanIn?: readonly string[];
};

/** Who died, as a report identifies them: a matched registration and/or the keyed NIK hash. */
export type DeceasedKey = { personId?: string; nikHash?: string };

export interface ClaimRepository extends ClaimsCheck {
  /**
   * Stores a new claim under a fresh unique reference, unless the deceased already has an open
   * claim. With `key` (`ctx.effectKey("claim")`) a second call with the same key returns the claim
   * the first one created.
   */
  create(claim: NewClaim, key?: string): Promise<CreateClaimResult>;
  findByReference(reference: string): Promise<Claim | null>;
  findByHeirContact(contact: Contact): Promise<Claim[]>;
  findByHeirPhone(phone: string): Promise<Claim[]>;
  findByHeirNikHash(hash: string): Promise<Claim[]>;
  /** Claims staff gave this conversation access to. */
  findByAccess(contact: Contact): Promise<Claim[]>;
  /** The open claim (not paid, not found false) about this person, if any. */
  findOpenByDeceased(key: DeceasedKey): Promise<Claim | null>;
  /** Every claim about this person, open or closed, newest first (staff search by NIK). */
  findByDeceased(key: DeceasedKey): Promise<Claim[]>;
  list(query: ClaimQuery, options?: { limit?: number }): Promise<Claim[]>;
  /** Saves a changed claim if nobody else saved it since it was read; false on a conflict. */
  save(claim: Claim): Promise<boolean>;
  /** Claims in MENUNGGU_DOKUMEN (or with missing documents) whose last document or stage change is older than `before`. */
  listAwaitingDocuments(before: Date): Promise<ClaimAwaitingDocuments[]>;
}

/** Metadata of one file an heir sent; the bytes are in the FileStore. */
export type ClaimDocument = {
  _id: string;
  claimReference: string;
  /** Undefined until the heir says what it is. */
  type?: DocumentType;
  fileKey: string;
  mimeType: string;
  size: number;
  sha256: string;
  fileName?: string;
  channel: Contact["channel"];
  receivedAt: Date;
};

export interface ClaimDocumentRepository {
  /** Stores the metadata; a document whose `_id` exists already (use `ctx.effectKey("document")`) is kept as it is. */
  add(document: ClaimDocument): Promise<void>;
  findById(id: string): Promise<ClaimDocument | null>;
  label(id: string, type: DocumentType): Promise<void>;
  listByClaim(reference: string): Promise<ClaimDocument[]>;
}
