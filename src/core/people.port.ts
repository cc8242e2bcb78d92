/**
 * Registered people (issue 3 owns the implementation). Other features rely on the fields and
 * methods below: claims match a deceased participant, broadcasts select segments.
 * Extend freely; do not rename.
 */
import type { ChannelName, Language } from "./messages";
import type { Contact, NewPerson, Person, PersonChanges, PersonRole, PersonStatus, RtRef } from "./person";

export type {
  PersonStatus,
  PersonRole,
  Programme,
  RtRef,
  Contact,
  Person,
  NewPerson,
  PersonChanges,
} from "./person";

export type RegisterResult =
  | { type: "registered"; person: Person }
  /** A person with the same NIK hash exists: nothing was written. */
  | { type: "duplicateNik"; existing: Person };

export type PersonQuery = {
  kecamatan?: string;
  kelurahan?: string;
  /** Only these kelurahan (a kelurahan officer's scope, core/staff-scope.ts). */
  kelurahanIn?: readonly string[];
  rw?: string;
  rt?: string;
  role?: PersonRole;
  status?: PersonStatus | PersonStatus[];
  language?: Language;
  channel?: ChannelName;
  coverageEndsBefore?: Date;
  /** Case-insensitive part of the name or the reference. */
  text?: string;
  /** Residents an RT head registered on their behalf (registeredBy.personId). */
  registeredByPersonId?: string;
  /** true: recorded as deceased (status or date of death); false: neither. */
  deceased?: boolean;
  /** true: opted out of broadcasts; false: not. */
  optedOut?: boolean;
  /** true: has at least one contact to reach them on. */
  reachable?: boolean;
};

/** Fields people can be counted by, in the database (`countBy`). */
export const personGroupFields = [
  "address.kecamatan",
  "address.kelurahan",
  "address.rw",
  "address.rt",
  "status",
  "role",
  "fundedBy",
  "language",
  /** The channels the person can be reached on, as a list ([] when none). */
  "channels",
  /** true when opted out of broadcasts, else null. */
  "optedOut",
] as const;
export type PersonGroupField = (typeof personGroupFields)[number];

/** One group of `countBy`: the grouped fields' values (null when missing) and how many people. */
export type PersonGroup = { key: Partial<Record<PersonGroupField, unknown>>; count: number };

/** What reaching a person takes (broadcasts): read instead of the whole record. */
export type PersonReach = Pick<Person, "_id" | "status" | "role" | "name" | "language" | "contacts"> & {
  /** From the NIK: greetings say "Bapak"/"Ibu". */
  sex?: Person["sex"];
  address: Pick<RtRef, "kelurahan" | "rt">;
  deceasedAt?: Date;
  coverageEndsAt?: Date;
  optedOut?: boolean;
};

export type SearchOptions = { limit?: number; skip?: number; newestFirst?: boolean };

export interface PeopleRepository {
  findById(id: string): Promise<Person | null>;
  findByReference(reference: string): Promise<Person | null>;
  /** By the keyed hash of a NIK (vault.hash), or any of its hashes (vault.hashes, during a key rotation). */
  findByNikHash(hash: string | readonly string[]): Promise<Person | null>;
  /** Many at once (the BPJS import matches a batch of rows in one query). */
  findByNikHashes(hashes: string[]): Promise<Person[]>;
  /** By the keyed hash of a KPJ number (vault.hash), as the BPJS import or staff recorded it. */
  findByKpjHash(hash: string): Promise<Person | null>;
  findByContact(contact: Contact): Promise<Person[]>;
  findByPhone(phone: string): Promise<Person[]>;
  /** Matches oldest first (or `newestFirst`); skip and limit are applied in the database (read only what is shown). */
  search(query: PersonQuery, options?: SearchOptions): Promise<Person[]>;
  count(query: PersonQuery): Promise<number>;
  /**
   * How many people match, per combination of `by` fields, counted in the database.
   *
   * @example
   *   await people.countBy({ status: "active", kecamatan: "Telanaipura" }, ["address.kelurahan", "fundedBy"]);
   *   // → [{ key: { "address.kelurahan": "Simpang IV Sipin", fundedBy: "apbd" }, count: 412 }, …]
   */
  countBy(query: PersonQuery, by: PersonGroupField[]): Promise<PersonGroup[]>;
  /** Every match once, in batches, with only what reaching them takes (one cursor). */
  streamReach(query: PersonQuery, options?: { batchSize?: number }): AsyncIterable<PersonReach[]>;
  /** The people behind any of these contacts, in one query (a batch join). */
  findReachByContacts(contacts: readonly Contact[]): Promise<PersonReach[]>;
  /** Marks a participant deceased (staff verified the death): no reminder or broadcast reaches their contacts afterwards. */
  markDeceased(id: string, at: Date): Promise<void>;
  /** Records an unverified death report (or clears it with null); status and rights stay as they are. */
  setReportedDeceased(id: string, report: Person["reportedDeceased"] | null, now: Date): Promise<void>;
}

/** The people repository with the writes registration, "data saya" and staff review need. */
export interface PeopleRegister extends PeopleRepository {
  /**
   * Inserts with a fresh unique reference (`DFT-…`, retried on collision); refuses a known NIK.
   * With `key` (`ctx.effectKey("person")`) a second call with the same key returns the person the
   * first one registered ("registered", not "duplicateNik"), so a retried turn gives the same reply.
   */
  register(person: NewPerson, now: Date, key?: string): Promise<RegisterResult>;
  /**
   * Inserts a registration whose NIK is already registered as `existing`, for staff to decide
   * (flag "duplicate_nik", `duplicateOf`); the submitter is answered as for any registration.
   * With `key`, a second call with the same key returns the record the first one made.
   */
  registerForReview(person: NewPerson, existing: Person, now: Date, key?: string): Promise<Person>;
  /** The person `register` or `registerForReview` made with this idempotency key, if any. */
  findByEffectKey(key: string): Promise<Person | null>;
  /** Applies changes; returns the person afterwards, or null when unknown. */
  update(id: string, changes: PersonChanges, now: Date): Promise<Person | null>;
  /** Adds a staff flag once (idempotent). */
  addFlag(id: string, flag: string, now: Date): Promise<void>;
  removeFlag(id: string, flag: string, now: Date): Promise<void>;
  /** Adds a contact once (idempotent): the person can now be reached there and see their data. */
  addContact(id: string, contact: Contact, now: Date): Promise<void>;
  /** RT heads (pending or active) recorded for an RT. */
  findRtHeads(rt: RtRef): Promise<Person[]>;
  /** Removes the record entirely. */
  remove(id: string): Promise<void>;
  /** Keeps a stub (reference, status "deleted", area, programmes, dates) and erases personal data. */
  anonymise(id: string, now: Date): Promise<void>;
}

/**
 * Optional hook the claims feature can provide: whether a claim still needs a person's data
 * (a death staff verified; an unverified report does not take a living person's rights away).
 */
export interface ClaimsCheck {
  hasClaimFor(personId: string): Promise<boolean>;
}
