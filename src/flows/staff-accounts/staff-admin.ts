/**
 * Managing staff accounts, shared by `npm run staff` and the console's admin page: add, change
 * role (and kelurahan), disable/enable, set a password, link a Telegram id or WhatsApp number.
 * Input is checked here (zod), every change is audited, and the chat's staff cache is refreshed.
 * STAFF_TELEGRAM_IDS / STAFF_WHATSAPP_NUMBERS only create the first admins (`bootstrapStaff`).
 */
import { z } from "zod";
import type { AuditLog } from "../../core/audit.port";
import type { Clock } from "../../core/ports";
import type { Services } from "../../core/services";
import type { StaffAccount, StaffAccounts, StaffChanges, StaffDirectory } from "../../core/staff.port";
import { toOfficialAreaName } from "../../domain/area-match";
import { parsePhone } from "../../domain/phone";
import { staffRoles, type StaffRole } from "../../domain/staff-roles";
import { checkPasswordStrength, hashPassword, type ScryptCost } from "../../security/password";

export type StaffAdminDeps = {
  accounts: StaffAccounts;
  directory: StaffDirectory;
  audit: AuditLog;
  clock: Clock;
  /** scrypt cost (tests use a cheap one). */
  passwordCost?: ScryptCost;
};

/** The deps from the bot's services. */
export function toStaffAdminDeps(
  services: Pick<Services, "staff" | "staffDirectory" | "audit" | "clock">,
  passwordCost?: ScryptCost,
): StaffAdminDeps {
  return {
    accounts: services.staff,
    directory: services.staffDirectory,
    audit: services.audit,
    clock: services.clock,
    ...(passwordCost ? { passwordCost } : {}),
  };
}

export type StaffInputProblem =
  | "username"
  | "name"
  | "role"
  | "kelurahan"
  | "telegramId"
  | "whatsappNumber"
  | "passwordTooShort"
  | "passwordTooLong"
  | "passwordTooSimple";

export type StaffAdminResult =
  | { status: "ok"; account: StaffAccount }
  | { status: "invalid"; problem: StaffInputProblem }
  | { status: "duplicate"; field: "username" | "telegramId" | "whatsappNumber" }
  | { status: "notFound" }
  | { status: "lastAdmin" };

export const usernameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/);
const nameSchema = z.string().trim().min(2).max(80);
const telegramIdSchema = z
  .string()
  .trim()
  .regex(/^\d{3,15}$/);

/** Official kelurahan names for what was typed ("lebak bandung, payo lebar"); undefined when one is unknown. */
export function parseKelurahanList(text: string | readonly string[]): string[] | undefined {
  const parts = (typeof text === "string" ? text.split(",") : [...text]).map((p) => p.trim()).filter(Boolean);
  const names = parts.map((p) => toOfficialAreaName("kelurahan", p));
  return names.every((n): n is string => n !== undefined) ? [...new Set(names)] : undefined;
}

/** Role and kelurahan together: a kelurahan officer needs at least one, other roles none. */
function parseRole(role: string, kelurahan: string | readonly string[] | undefined) {
  if (!(staffRoles as readonly string[]).includes(role)) return { problem: "role" as const };
  if (role !== "kelurahan_officer") return { role: role as StaffRole, kelurahan: [] };
  const list = kelurahan === undefined ? undefined : parseKelurahanList(kelurahan);
  return list && list.length > 0
    ? { role: role as StaffRole, kelurahan: list }
    : { problem: "kelurahan" as const };
}

async function toPasswordHash(deps: StaffAdminDeps, password: string) {
  const strength = checkPasswordStrength(password);
  if (strength !== "ok")
    return { problem: `password${strength[0]!.toUpperCase()}${strength.slice(1)}` as StaffInputProblem };
  return { hash: await hashPassword(password, deps.passwordCost) };
}

function toLinks(input: { telegramId?: string | undefined; whatsappNumber?: string | undefined }) {
  const links: { telegramId?: string; whatsappNumber?: string } = {};
  if (input.telegramId) {
    const id = telegramIdSchema.safeParse(input.telegramId);
    if (!id.success) return { problem: "telegramId" as const };
    links.telegramId = id.data;
  }
  if (input.whatsappNumber) {
    const phone = parsePhone(input.whatsappNumber);
    if (!phone.ok) return { problem: "whatsappNumber" as const };
    links.whatsappNumber = phone.value;
  }
  return { links };
}

async function audit(
  deps: StaffAdminDeps,
  by: string,
  action: string,
  account: StaffAccount,
  details?: object,
) {
  deps.directory.invalidate();
  await deps.audit.record({
    at: deps.clock.now(),
    actor: by,
    action,
    target: `staff:${account.username}`,
    ...(details ? { details: { ...details } } : {}),
  });
}

export type NewStaffInput = {
  username: string;
  name: string;
  role: string;
  kelurahan?: string | readonly string[];
  password?: string;
  telegramId?: string;
  whatsappNumber?: string;
};

export async function addStaff(
  deps: StaffAdminDeps,
  input: NewStaffInput,
  by: string,
): Promise<StaffAdminResult> {
  const username = usernameSchema.safeParse(input.username);
  if (!username.success) return { status: "invalid", problem: "username" };
  const name = nameSchema.safeParse(input.name);
  if (!name.success) return { status: "invalid", problem: "name" };
  const role = parseRole(input.role, input.kelurahan);
  if ("problem" in role) return { status: "invalid", problem: role.problem };
  const links = toLinks(input);
  if ("problem" in links) return { status: "invalid", problem: links.problem };
  const password = input.password ? await toPasswordHash(deps, input.password) : undefined;
  if (password && "problem" in password) return { status: "invalid", problem: password.problem };
  const result = await deps.accounts.add(
    {
      username: username.data,
      name: name.data,
      role: role.role,
      kelurahan: role.kelurahan,
      ...links.links,
      ...(password ? { passwordHash: password.hash } : {}),
    },
    by,
    deps.clock.now(),
  );
  if (result.status === "duplicate") return result;
  await audit(deps, by, "staff.add", result.account, { role: role.role, kelurahan: role.kelurahan });
  return { status: "ok", account: result.account };
}

async function change(
  deps: StaffAdminDeps,
  username: string,
  changes: StaffChanges,
  by: string,
  action: string,
  details?: object,
): Promise<StaffAdminResult> {
  const account = await deps.accounts.findByUsername(username);
  if (!account) return { status: "notFound" };
  const losesAdmin =
    account.role === "admin" &&
    account.status === "active" &&
    ((changes.role !== undefined && changes.role !== "admin") || changes.status === "disabled");
  if (losesAdmin && (await deps.accounts.count({ status: "active", role: "admin" })) <= 1)
    return { status: "lastAdmin" };
  const updated = await deps.accounts.update(account._id, changes, deps.clock.now());
  if (updated === "duplicate")
    return { status: "duplicate", field: changes.telegramId ? "telegramId" : "whatsappNumber" };
  if (!updated) return { status: "notFound" };
  await audit(deps, by, action, updated, details);
  return { status: "ok", account: updated };
}

export async function setStaffRole(
  deps: StaffAdminDeps,
  input: { username: string; role: string; kelurahan?: string | readonly string[] },
  by: string,
): Promise<StaffAdminResult> {
  const role = parseRole(input.role, input.kelurahan);
  if ("problem" in role) return { status: "invalid", problem: role.problem };
  return change(deps, input.username, { role: role.role, kelurahan: role.kelurahan }, by, "staff.role", role);
}

export function setStaffStatus(
  deps: StaffAdminDeps,
  username: string,
  status: "active" | "disabled",
  by: string,
): Promise<StaffAdminResult> {
  const changes: StaffChanges =
    status === "active" ? { status, failedLogins: 0, lockedUntil: null } : { status };
  return change(deps, username, changes, by, status === "active" ? "staff.enable" : "staff.disable");
}

export async function setStaffPassword(
  deps: StaffAdminDeps,
  username: string,
  password: string,
  by: string,
): Promise<StaffAdminResult> {
  const hashed = await toPasswordHash(deps, password);
  if ("problem" in hashed) return { status: "invalid", problem: hashed.problem };
  return change(
    deps,
    username,
    { passwordHash: hashed.hash, failedLogins: 0, lockedUntil: null },
    by,
    "staff.password",
  );
}

/** Links (or with "-" unlinks) a Telegram id or WhatsApp number, so the chat knows the account. */
export async function linkStaff(
  deps: StaffAdminDeps,
  input: { username: string; telegramId?: string; whatsappNumber?: string },
  by: string,
): Promise<StaffAdminResult> {
  const changes: StaffChanges = {};
  if (input.telegramId === "-") changes.telegramId = null;
  if (input.whatsappNumber === "-") changes.whatsappNumber = null;
  const links = toLinks({
    ...(input.telegramId !== "-" ? { telegramId: input.telegramId } : {}),
    ...(input.whatsappNumber !== "-" ? { whatsappNumber: input.whatsappNumber } : {}),
  });
  if ("problem" in links) return { status: "invalid", problem: links.problem };
  return change(deps, input.username, { ...changes, ...links.links }, by, "staff.link", {
    telegram: changes.telegramId === null ? "unlinked" : Boolean(links.links.telegramId),
    whatsapp: changes.whatsappNumber === null ? "unlinked" : Boolean(links.links.whatsappNumber),
  });
}

/**
 * The first admins: while no account exists, each id in STAFF_TELEGRAM_IDS and number in
 * STAFF_WHATSAPP_NUMBERS becomes an admin (chat only, no password). Afterwards the lists are ignored.
 */
export async function bootstrapStaff(
  deps: StaffAdminDeps,
  lists: { telegramIds: readonly string[]; whatsappNumbers: readonly string[] },
): Promise<{ created: string[]; ignored: boolean }> {
  const wanted = lists.telegramIds.length + lists.whatsappNumbers.length;
  if (wanted === 0) return { created: [], ignored: false };
  if ((await deps.accounts.count()) > 0) return { created: [], ignored: true };
  const created: string[] = [];
  const add = async (input: NewStaffInput) => {
    const result = await addStaff(deps, input, "system:bootstrap");
    if (result.status === "ok") created.push(result.account.username);
  };
  for (const id of lists.telegramIds)
    await add({ username: `tg-${id}`, name: `Admin ${id}`, role: "admin", telegramId: id });
  for (const number of lists.whatsappNumbers) {
    const phone = parsePhone(number);
    const digits = phone.ok ? phone.value.slice(1) : number.replace(/\D/g, "");
    await add({
      username: `wa-${digits}`,
      name: `Admin ${digits.slice(-4)}`,
      role: "admin",
      whatsappNumber: number,
    });
  }
  return { created, ignored: false };
}
