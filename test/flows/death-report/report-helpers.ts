/** Drives a death report through the chat with sensible answers; each test overrides what it is about. */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Claim } from "../../../src/core/claims.port";
import { createPeopleSeeder, type PeopleSeeder } from "../../support/seed-people";
import { createTestChat, type TestChat } from "../../support/test-chat";

export const deceasedNik = "1571020101800001";
export const heirNik = "1571025203850002";

export type ReportAnswers = {
  identify?:
    { by: "nik"; nik?: string } | { by: "kpj"; kpj: string } | { by: "none"; kelurahan: string; rt: string };
  deceasedName?: string;
  confirm?: "ya" | "tidak" | null;
  deathDate?: string;
  cause?: "1" | "2" | "3" | "4";
  heirName?: string;
  heirNik?: string;
  phone?: string;
  relationship?: string;
  closer?: string;
  schoolChildren?: "ya" | "tidak";
};

export function createClaimsChat(options: { userId?: string } = {}): {
  chat: TestChat;
  people: PeopleSeeder;
} {
  const chat = createTestChat({ userId: options.userId ?? "ahli-waris-1" });
  return { chat, people: createPeopleSeeder(chat.store) };
}

/** Answers every question of the report; returns the stored claim. */
export async function reportDeath(chat: TestChat, answers: ReportAnswers = {}): Promise<Claim> {
  const identify = answers.identify ?? { by: "nik" };
  await chat.says("menu");
  await chat.says("lapor kematian");
  await chat.says("setuju");
  await chat.says(identify.by === "nik" ? "1" : identify.by === "kpj" ? "2" : "3");
  if (identify.by === "nik") await chat.says(identify.nik ?? deceasedNik);
  if (identify.by === "kpj") await chat.says(identify.kpj);
  await chat.says(answers.deceasedName ?? "Ahmad Yani");
  if (identify.by === "none") {
    await chat.says(identify.kelurahan);
    await chat.says(identify.rt);
  }
  if (answers.confirm !== null && chat.lastReply()?.key.startsWith("deathReport:confirmMatch"))
    await chat.says(answers.confirm ?? "ya");
  await chat.says(answers.deathDate ?? "1 Maret 2026");
  await chat.says(answers.cause ?? "3");
  await chat.says(answers.heirName ?? "Siti Aminah");
  await chat.says(answers.heirNik ?? heirNik);
  await chat.says(answers.phone ?? "0812-3456-7890");
  await chat.says(answers.relationship ?? "suami/istri");
  if (answers.closer) await chat.says(answers.closer);
  await chat.says(answers.schoolChildren ?? "tidak");
  const reference = /KLM-[A-Z0-9]{6}/.exec(chat.texts().join("\n"))?.[0];
  if (!reference) throw new Error(`No claim reference in:\n${chat.texts().join("\n")}`);
  const claim = await chat.app.services.claims.findByReference(reference);
  if (!claim) throw new Error(`Claim ${reference} not stored`);
  return claim;
}

export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures", name)));
