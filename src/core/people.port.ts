/**
 * Registered people (issue 3 owns the implementation). Other features rely on the fields and
 * methods below: claims match a deceased participant, broadcasts select segments.
 * Extend freely; do not rename.
 */
import type { ChannelName, Language } from "./messages";
import type { Sealed } from "./vault.port";

export type PersonStatus =
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
  consent: { at: Date; channel: ChannelName; noticeVersion: string; givenBy: "self" | "proxy"; proxyName?: string };
  /** Who did the registration (self, or an RT head for a resident). */
  registeredBy: Contact & { personId?: string };
  /** Where the person can be reached; broadcasts and status pushes use these. */
  contacts: Contact[];
  language: Language;
  /** Reasons for staff to look: "nik_birthdate_mismatch", "duplicate_attempt", "nik_outside_kota_jambi", … */
  flags: string[];
  /** Last month paid, YYYY-MM, when known; coverage ends 3 months after an unpaid month. */
  paidThrough?: string;
  coverageEndsAt?: Date;
  deceasedAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  verifiedAt?: Date;
  verifiedBy?: string;
};

export type PersonQuery = {
  kecamatan?: string;
  kelurahan?: string;
  rw?: string;
  rt?: string;
  role?: PersonRole;
  status?: PersonStatus | PersonStatus[];
  language?: Language;
  channel?: ChannelName;
  coverageEndsBefore?: Date;
  /** Case-insensitive part of the name or the reference. */
  text?: string;
};

export interface PeopleRepository {
  findById(id: string): Promise<Person | null>;
  findByReference(reference: string): Promise<Person | null>;
  /** By the keyed hash of a NIK (vault.hash). */
  findByNikHash(hash: string): Promise<Person | null>;
  findByContact(contact: Contact): Promise<Person[]>;
  findByPhone(phone: string): Promise<Person[]>;
  search(query: PersonQuery, options?: { limit?: number; skip?: number }): Promise<Person[]>;
  count(query: PersonQuery): Promise<number>;
  /** Marks a participant deceased: no reminder or broadcast reaches their contacts afterwards. */
  markDeceased(id: string, at: Date): Promise<void>;
}
