/**
 * Managing staff accounts, shared by `npm run staff` and the console's admin page: add, change
 * role (and kelurahan), disable/enable, set a password, link a Telegram id or WhatsApp number.
 * Input is checked in staff-input.ts (zod), every change is audited, the chat's staff cache refreshed.
 * STAFF_TELEGRAM_IDS / STAFF_WHATSAPP_NUMBERS only create the first admins (staff-bootstrap.ts).
 */
import type { AuditLog } from "../../core/audit.port";
import type { Clock } from "../../core/ports";
import type { Services } from "../../core/services";
import type { StaffAccount, StaffAccounts, StaffChanges, StaffDirectory } from "../../core/staff.port";
import type { ScryptCost } from "../../security/password";
import {
  nameSchema,
  parseRole,
  toLinks,
  toPasswordHash,
  usernameSchema,
  type StaffAdminResult,
} from "./staff-input";

export type { StaffAdminResult, StaffInputProblem } from "./staff-input";
export { parseKelurahanList, usernameSchema } from "./staff-input";

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
    telegramId: changes.telegramId === null ? "unlinked" : Boolean(links.links.telegramId),
    whatsappNumber: changes.whatsappNumber === null ? "unlinked" : Boolean(links.links.whatsappNumber),
  });
}
