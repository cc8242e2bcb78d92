/** A registered person as the store keeps them, and the changes registration and staff may make. */
import type { ChannelName, Language } from "./messages";
import type { Sealed } from "./vault.port";

export type PersonStatus =
  /**
   * Registered by an RT head whose own registration is not verified yet: kept for staff with his
   * registration, out of lists, broadcasts and counts; becomes "pending" when he is verified.
   */
  | "draft"
  /** Submitted, waiting for staff verification ("menunggu verifikasi"). */
  | "pending"
  | "active"
  | "rejected"
  /** Coverage lapsed or RT head replaced. */
  | "inactive"
  | "deceased"
  /** Deleted on request: personal fields anonymised. */
  | "deleted";

export type PersonRole = "rt_head" | "worker";
export type Programme = "JKK" | "JKM" | "JHT";

/** An RT as an office, separate from the person holding it. */
export type RtRef = { kecamatan: string; kelurahan: string; rw: string; rt: string };

export type Contact = { channel: ChannelName; userId: string };

export type Person = {
  _id: string;
  /** "DFT-" + 6 characters without look-alikes. */
  reference: string;
  status: PersonStatus;
  role: PersonRole;
  name: string;
  nik: Sealed;
  /** YYYY-MM-DD as confirmed or typed by the user. */
  birthDate: string;
  sex: "L" | "P";
  /** E.164. */
  phone?: string;
  address: RtRef & { street?: string };
  occupation: { code: string; other?: string };
  /** The RT this person leads, for RT heads. */
  leadsRt?: RtRef;
  /** Declared monthly income in rupiah. */
  income: number;
  programmes: Programme[];
  /** Who pays JKK+JKM: the Pemkot (APBD) or the participant. */
  fundedBy: "apbd" | "self";
  consent: {
    at: Date;
    channel: ChannelName;
    noticeVersion: string;
    givenBy: "self" | "proxy";
    proxyName?: string;
  };
  /** Who did the registration (self, or an RT head for a resident). */
  registeredBy: Contact & { personId?: string };
  /** Where the person can be reached; broadcasts and status pushes use these. */
  contacts: Contact[];
  language: Language;
  /** Reasons for staff to look: "nik_birthdate_mismatch", "duplicate_attempt", "nik_outside_kota_jambi", … */
  flags: string[];
  /**
   * Membership as BPJS knows it (BPJS participant import or staff), never the bot's registration
   * date: the KPJ number (sealed) and its keyed hash for lookups, and the date cover began
   * (YYYY-MM-DD). The JKM estimate counts contribution months from `membershipSince`; unknown
   * means "dicek petugas".
   */
  kpj?: Sealed;
  membershipSince?: string;
  /** Where the membership fields came from, for staff: the BPJS import or a staff entry. */
  membershipSource?: "bpjs_import" | "staff";
  /** Last month paid, YYYY-MM, when known; coverage ends 3 months after an unpaid month. */
  paidThrough?: string;
  coverageEndsAt?: Date;
  /**
   * Someone reported this person's death and staff have not verified it yet (no akta or surat
   * keterangan kematian seen): the person keeps every right (data, broadcasts, deletion) and is
   * asked whether they are well when they write.
   */
  reportedDeceased?: { at: Date; claimReference: string };
  /** Set only by staff verification of the death (with `status: "deceased"`). */
  deceasedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  verifiedAt?: Date;
  verifiedBy?: string;
  /** Staff note on verification or rejection. */
  reviewNote?: string;
  /** Set when the person asked for deletion or withdrew consent (kept only when a claim needs it). */
  deletionRequestedAt?: Date;
  /**
   * True while the person has opted out of broadcasts ("STOP"), copied from the opt-out record so a
   * segment can be counted in the database; the opt-out record stays what sending checks.
   */
  optedOut?: boolean;
  /**
   * A registration submitted for a NIK that was already registered (by someone else): kept for
   * staff with a placeholder hash, so lookups still find the first record; staff decide.
   */
  duplicateOf?: string;
};

/** What a new registration carries; the repository adds `_id`, `reference` and timestamps. */
export type NewPerson = Omit<Person, "_id" | "reference" | "createdAt" | "updatedAt">;

/** Fields that may be changed after registration (corrections, staff review, take-over). */
export type PersonChanges = Partial<
  Pick<
    Person,
    | "name"
    | "birthDate"
    | "sex"
    | "phone"
    | "address"
    | "occupation"
    | "leadsRt"
    | "income"
    | "programmes"
    | "fundedBy"
    | "status"
    | "role"
    | "language"
    | "verifiedAt"
    | "verifiedBy"
    | "reviewNote"
    | "deletionRequestedAt"
    | "kpj"
    | "membershipSince"
    | "membershipSource"
    | "paidThrough"
    | "coverageEndsAt"
  >
>;
