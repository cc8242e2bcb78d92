/**
 * Drives a death report through the chat with sensible answers; each test overrides what it is
 * about. The report skips what it already knows, so every answer is given to the question the bot
 * actually asked (by its key), and the report ends at the review's "send".
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import type { Claim } from "../../../src/core/claims.port";
import { createPeopleSeeder, type PeopleSeeder } from "../../support/seed-people";
import { createTestChat, type TestChat } from "../../support/test-chat";

export const deceasedNik = "1571020101800001";
export const heirNik = "1571025203850002";

export type ReportAnswers = {
  /** What is typed at "who died?": NIK and name by default. */
  deceased?: string;
  /** Kelurahan and RT, when only a name was typed. */
  area?: string;
  deathDate?: string;
  cause?: "1" | "2" | "3" | "4";
  membership?: string;
  relationship?: string;
  closer?: string;
  /** Name and NIK (and phone when the channel does not know it). */
  heir?: string;
  phone?: string;
  schoolChildren?: "ya" | "tidak";
  /** The first message ("lapor kematian", or "suami sy meninggal kemarin"). */
  opening?: string;
};

export function createClaimsChat(options: { userId?: string } = {}): {
  chat: TestChat;
  people: PeopleSeeder;
} {
  const chat = createTestChat({ userId: options.userId ?? "ahli-waris-1" });
  return { chat, people: createPeopleSeeder(chat.store) };
}

/** The answer to the question a reply asks, or undefined when it asks nothing we know. */
function toAnswer(key: string, answers: ReportAnswers): string | undefined {
  const table: Record<string, string> = {
    "deathReport:consent.prompt": "setuju",
    "deathReport:deceased.prompt": answers.deceased ?? `${deceasedNik} Ahmad Yani`,
    "deathReport:area.prompt": answers.area ?? "Payo Lebar RT 5",
    "deathReport:deathDate.prompt": answers.deathDate ?? "1 Maret 2026",
    "deathReport:cause.prompt": answers.cause ?? "3",
    "deathReport:membership.prompt": answers.membership ?? "1",
    "deathReport:relationship.prompt": answers.relationship ?? "suami/istri",
    "deathReport:closerRelatives.prompt": answers.closer ?? "tidak ada",
    "deathReport:heirIdentity.prompt": answers.heir ?? `Siti Aminah ${heirNik}`,
    "deathReport:heirIdentity.promptWithPhone":
      answers.heir ?? `Siti Aminah ${heirNik} ${answers.phone ?? "0812-3456-7890"}`,
    "deathReport:heirPhone.prompt": answers.phone ?? "0812-3456-7890",
    "deathReport:heirPhone.promptKnown": answers.phone ?? "ya",
    "deathReport:schoolChildren.prompt": answers.schoolChildren ?? "tidak",
    "deathReport:review.prompt": "1",
  };
  return table[key];
}

/** Answers every question of the report; returns the stored claim. */
export async function reportDeath(chat: TestChat, answers: ReportAnswers = {}): Promise<Claim> {
  await chat.says("menu");
  await chat.says(answers.opening ?? "lapor kematian");
  for (let turn = 0; turn < 20; turn++) {
    const asked = chat.lastReply()?.key ?? "";
    const answer = toAnswer(asked, answers);
    if (answer === undefined) break;
    await chat.says(answer);
    if (asked === "deathReport:review.prompt") break;
  }
  const reference = /KLM-[A-Z0-9]{6}/.exec(chat.texts().join("\n"))?.[0];
  if (!reference) throw new Error(`No claim reference in:\n${chat.texts().join("\n")}`);
  const claim = await chat.app.services.claims.findByReference(reference);
  if (!claim) throw new Error(`Claim ${reference} not stored`);
  return claim;
}

/** Every reply key the chat received, in order (all turns). */
export const allKeys = (chat: TestChat) => chat.sent.flatMap((s) => s.replies.map((r) => r.key));

export const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(path.join(__dirname, "../../fixtures", name)));
