/**
 * Staff accounts (issue 17): stored in the `staff` collection, managed with `npm run staff` and
 * the console. The chat staff menu and the console use the same accounts: an account may be
 * linked to a Telegram id and a WhatsApp number, and may have a console password.
 */
import type { StaffRole } from "../domain/staff-roles";
import type { ChannelName, Language } from "./messages";
import type { StaffPrincipal } from "./staff-principal";

export type StaffStatus = "active" | "disabled";

export type StaffAccount = {
  _id: string;
  /** Login name, lower case: letters, digits, ".", "_" and "-". */
  username: string;
  name: string;
  role: StaffRole;
  /** The kelurahan a kelurahan officer works in (official names); empty for other roles. */
  kelurahan: string[];
  status: StaffStatus;
  /** scrypt hash (security/password.ts); no password: chat only. */
  passwordHash?: string;
  telegramId?: string;
  /** E.164. */
  whatsappNumber?: string;
  language: Language;
  failedLogins: number;
  lockedUntil?: Date;
  lastLoginAt?: Date;
  createdAt: Date;
  updatedAt: Date;
  createdBy: string;
};

export type NewStaffAccount = Pick<StaffAccount, "username" | "name" | "role" | "kelurahan"> &
  Partial<Pick<StaffAccount, "passwordHash" | "telegramId" | "whatsappNumber" | "language">>;

type Changeable =
  | "name"
  | "role"
  | "kelurahan"
  | "status"
  | "passwordHash"
  | "telegramId"
  | "whatsappNumber"
  | "language"
  | "failedLogins"
  | "lockedUntil"
  | "lastLoginAt";

/** Fields to change; `null` removes one (a chat link, a lock). */
export type StaffChanges = { [K in Changeable]?: StaffAccount[K] | null };

export type { StaffPrincipal } from "./staff-principal";

export type AddStaffResult =
  | { status: "added"; account: StaffAccount }
  | { status: "duplicate"; field: "username" | "telegramId" | "whatsappNumber" };

export interface StaffAccounts {
  add(account: NewStaffAccount, by: string, now: Date): Promise<AddStaffResult>;
  findById(id: string): Promise<StaffAccount | null>;
  findByUsername(username: string): Promise<StaffAccount | null>;
  findByChannel(channel: ChannelName, userId: string): Promise<StaffAccount | null>;
  list(filter?: { status?: StaffStatus; role?: StaffRole }): Promise<StaffAccount[]>;
  count(filter?: { status?: StaffStatus; role?: StaffRole }): Promise<number>;
  /** Applies changes; null when unknown; "duplicate" when a link is taken by another account. */
  update(id: string, changes: StaffChanges, now: Date): Promise<StaffAccount | null | "duplicate">;
  /** Atomically counts a failed login; returns the count afterwards. */
  countFailedLogin(id: string, now: Date): Promise<number>;
}

/** Who (if anyone) a chat user is as staff; cached, so it costs no read per message. */
export interface StaffDirectory {
  resolve(channel: ChannelName, userId: string): Promise<StaffPrincipal | null>;
  /** Forget cached accounts (after a change in this process). */
  invalidate(): void;
}
