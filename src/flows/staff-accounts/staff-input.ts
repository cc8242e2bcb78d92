/** Checks what staff type for an account (zod): login name, name, role with kelurahan, chat links, password. */
import { z } from "zod";
import type { StaffAccount } from "../../core/staff.port";
import { toOfficialAreaName } from "../../domain/area-match";
import { parsePhone } from "../../domain/phone";
import { staffRoles, type StaffRole } from "../../domain/staff-roles";
import { checkPasswordStrength, hashPassword, type ScryptCost } from "../../security/password";

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
export const nameSchema = z.string().trim().min(2).max(80);
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
export function parseRole(role: string, kelurahan: string | readonly string[] | undefined) {
  if (!(staffRoles as readonly string[]).includes(role)) return { problem: "role" as const };
  if (role !== "kelurahan_officer") return { role: role as StaffRole, kelurahan: [] };
  const list = kelurahan === undefined ? undefined : parseKelurahanList(kelurahan);
  return list && list.length > 0
    ? { role: role as StaffRole, kelurahan: list }
    : { problem: "kelurahan" as const };
}

export async function toPasswordHash(deps: { passwordCost?: ScryptCost }, password: string) {
  const strength = checkPasswordStrength(password);
  if (strength !== "ok")
    return { problem: `password${strength[0]!.toUpperCase()}${strength.slice(1)}` as StaffInputProblem };
  return { hash: await hashPassword(password, deps.passwordCost) };
}

export function toLinks(input: { telegramId?: string | undefined; whatsappNumber?: string | undefined }) {
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
