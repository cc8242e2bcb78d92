/**
 * Death claims (issue 5 owns the implementation). Broadcast reminders rely on
 * `listAwaitingDocuments`. Extend freely; do not rename.
 */
import type { DocumentType } from "../domain/claim-documents";
import type { Stage } from "../domain/claim-lifecycle";
import type { HeirGroup, Relationship } from "../domain/heirs";
import type { ClaimsCheck, Contact } from "./people.port";
import type { Language } from "./messages";
import type { Sealed } from "./vault.port";

/** The claim stages (DOMAIN §3.5), from the lifecycle rules in domain/claim-lifecycle.ts. */
export type ClaimStage = Stage;

/** What a reminder about missing documents needs to know. */
export type ClaimAwaitingDocuments = {
  reference: string;
  heir: Contact & { language: Language };
  /** Document type codes (DocumentType), translated with `deathReport:doc.<code>`. */
  missing: string[];
  since: Date;
};

export type ClaimCause = "work" | "commute" | "other" | "unknown";

/** One stage change: when, who ("telegram:123", "cli:ani", "system") and why. */
export type ClaimHistoryEntry = { stage: ClaimStage; at: Date; by: string; note?: string };

/**
 * A stage change pushed to the heir; a failed push is kept, the stage change is not lost.
 * "queued": the heir's channel was not running here (a CLI) or could not send now; the bot's
 * outbox sends it (and retries) later.
 */
export type ClaimNotification = {
  stage: ClaimStage | "documentRequested";
  at: Date;
  status: "sent" | "queued" | "failed";
  error?: string;
};

export type DocumentRequest = { type: DocumentType; note?: string; at: Date; by: string };

export type Claim = {
  _id: string;
  /** "KLM-" + 6 characters without look-alikes. */
  reference: string;
  stage: ClaimStage;
  stageAt: Date;
  programme: "JKK" | "JKM";
  cause: ClaimCause;
  deceased: {
    name: string;
    /** YYYY-MM-DD (WIB). */
    deathDate: string;
    nik?: Sealed;
    /** The KPJ card number (or registration reference) the heir typed, sealed. */
    kpj?: Sealed;
    kelurahan?: string;
    rt?: string;
    /** The registration matched and confirmed by the heir. */
    personId?: string;
    personReference?: string;
  };
  heir: {
    name: string;
    nik: Sealed;
    /** E.164. */
    phone?: string;
    relationship: Relationship;
    /** The closest group the heir said is alive before theirs (DOMAIN §3.1). */
    closestLiving?: HeirGroup;
    standing: "entitled" | "someoneCloser";
    /** Where status changes are sent: the chat the heir reported from. */
    contact: Contact;
    language: Language;
  };
  schoolChildren: boolean;
  required: DocumentType[];
  requested: DocumentRequest[];
  received: DocumentType[];
  /** Reasons for staff to look: "deceased_not_found", "death_before_registration", … */
  flags: string[];
  history: ClaimHistoryEntry[];
  notifications: ClaimNotification[];
  /** YYYY-MM-DD (WIB): the payment deadline once submitted to BPJS. */
  slaDue?: string;
  /** Last stage change or document: reminders wait for silence after this. */
  lastActivityAt: Date;
  createdAt: Date;
  updatedAt: Date;
  /** Optimistic concurrency: incremented on every save. */
  version: number;
  /**
   * Set by the repository while the claim is open (every stage but DIBAYAR): the deceased
   * ("person:<id>", or "nik:<hash>" when unregistered), unique, so one death has one open claim.
   */
  openFor?: string;
  /** The idempotency key of the report that created it (repository-maintained). */
  effectKey?: string;
};

export type NewClaim = Omit<Claim, "_id" | "reference" | "version" | "openFor" | "effectKey">;

/**
 * "created": stored now, or by an earlier run of the same report (same key): same outcome.
 * "alreadyOpen": this death already has an open claim (another report); nothing was written.
 */
export type CreateClaimResult = { type: "created"; claim: Claim } | { type: "alreadyOpen"; claim: Claim };

export type ClaimQuery = { stage?: ClaimStage | ClaimStage[]; slaDueBefore?: string };

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
