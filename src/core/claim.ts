/** A death claim as the store keeps it: stages, history, documents asked and received, what the heir was told. */
import type { DocumentType } from "../domain/claim-documents";
import type { Stage } from "../domain/claim-lifecycle";
import type { HeirGroup, Relationship } from "../domain/heirs";
import type { MembershipAnswer } from "../domain/membership";
import type { Contact } from "./people.port";
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

/** "road": a traffic accident at work or on the way to/from work; "commute" is kept for older claims. */
export type ClaimCause = "work" | "road" | "commute" | "other" | "unknown";

/** One stage change: when, who ("telegram:123", "cli:ani", "system") and why. */
export type ClaimHistoryEntry = {
  stage: ClaimStage;
  at: Date;
  by: string;
  note?: string;
  /** The idempotency key of the staff action that made this move (a chat turn's, a form's). */
  key?: string;
};

/**
 * A stage change pushed to the heir; a failed push is kept, the stage change is not lost.
 * "queued": the heir's channel was not running here (a CLI) or could not send now; the bot's
 * outbox sends it (and retries) later.
 */
export type ClaimNotification = {
  stage: ClaimStage | "documentRequested" | "membership";
  at: Date;
  status: "sent" | "queued" | "failed";
  error?: string;
  /** The idempotency key the push was sent under: recorded once however often the action runs. */
  key?: string;
};

export type DocumentRequest = {
  type: DocumentType;
  note?: string;
  at: Date;
  by: string;
  /** The idempotency key of the staff action that asked (see `ClaimHistoryEntry.key`). */
  key?: string;
};

/**
 * The deceased's membership: what the heir said, and what BPJS data or staff confirmed (the
 * start date, the KPJ number). Only a confirmed start date turns the estimate into an amount.
 */
export type ClaimMembership = {
  answer: MembershipAnswer;
  /** YYYY-MM-DD the cover began, from the person's record (BPJS import) or staff. */
  since?: string;
  source?: "bpjs_import" | "staff";
  /** Staff (or the BPJS import) confirmed the deceased was an active participant. */
  confirmed?: boolean;
};

/** Someone else who reported the same death: staff contact them; nothing of the claim is shown to them. */
export type OtherReporter = {
  at: Date;
  name: string;
  nik: Sealed;
  phone?: string;
  relationship: Relationship;
  contact: Contact;
};

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
    /** Declared monthly income of the matched registration (the JKK estimate). */
    income?: number;
    /** The registration matched and confirmed by the heir. */
    personId?: string;
    personReference?: string;
    /**
     * Staff saw the akta or surat keterangan kematian: only then is the person marked deceased.
     * Until then the report is "reported deceased, unverified" and the person keeps every right.
     */
    verifiedAt?: Date;
    verifiedBy?: string;
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
  /** "membershipCheck": the heir said the deceased was never a participant; staff check by NIK. */
  kind?: "claim" | "membershipCheck";
  membership?: ClaimMembership;
  /** Conversations staff gave access (other heirs); the reporter's own chat always has it. */
  access?: Contact[];
  otherReporters?: OtherReporter[];
  /**
   * Set when the reported person (or their registered phone) said they are alive: nothing moves
   * until staff decide; the heir is not told why.
   */
  suspended?: { at: Date; by: string };
  /** Staff found the report false: the living person's record is untouched, the claim is closed. */
  falseReport?: { at: Date; by: string };
  /** Entered by staff on DIBAYAR: the amount paid and the day (YYYY-MM-DD). */
  payment?: { amount: number; paidOn: string };
  /** Entered by staff on DITOLAK_PERLU_TINDAK_LANJUT: why, and what the heir can do next. */
  rejection?: { reason: string; nextStep: string };
  /** Documents staff decided this claim does not need. */
  waived?: DocumentType[];
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
