/**
 * Where "daftar" leads, decided once from the caller's own record: a registered RT head registers
 * residents of his RT (as drafts while he is not verified yet); someone registered already is told
 * so; anyone else registers themselves (saying they are an RT head sets the occupation). A
 * registration left half-way is resumed.
 */
import type { FlowContext } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import type { Person, RtRef } from "../../core/people.port";
import { toComparable } from "../../core/text";
import { statusKey } from "./labels";
import type { RegistrationData } from "./registration.data";

/** What a registration starts with (the flow's `initial` input). */
export type RegistrationStart = Pick<RegistrationData, "subject" | "proxy" | "asRtHead" | "last" | "offered">;

export type RegistrationEntry =
  { type: "registered"; replies: Reply[] } | { type: "start"; data?: RegistrationStart };

/** The caller's own registration (not deleted or rejected), if any. */
export async function findOwnRegistration(ctx: FlowContext): Promise<Person | undefined> {
  const mine = await ctx.services.people.findByContact({ channel: ctx.channel, userId: ctx.userId });
  return mine.find((p) => p.status !== "deleted" && p.status !== "rejected");
}

/** An RT head whose registration is waiting or verified, with the RT he leads. */
export const isActingHead = (p: Person | undefined): p is Person & { leadsRt: RtRef } =>
  p !== undefined &&
  p.role === "rt_head" &&
  p.leadsRt !== undefined &&
  ["pending", "active"].includes(p.status);

/** A resident's registration by this RT head; `last` is the resident registered before. */
export function toResidentStart(
  head: Person & { leadsRt: RtRef },
  last?: RegistrationData["last"],
): RegistrationStart {
  return {
    subject: "resident",
    proxy: {
      personId: head._id,
      name: head.name,
      reference: head.reference,
      rt: head.leadsRt,
      ...(head.status === "pending" ? { draft: true } : {}),
    },
    ...(last ? { last } : {}),
  };
}

const rtHeadWords = /\b(ketua rt|pak rt|bu rt|rt head|daftarkan warga|daftar warga|warga saya|warga rt)\b/;

/** "saya ketua rt", "mau daftarkan warga": the RT-head path. */
export const mentionsRtHead = (text: string): boolean => rtHeadWords.test(toComparable(text));

export function toAlreadyRegistered(person: Person, said?: string): Reply[] {
  return [
    reply("registration:who.alreadyRegistered", { reference: person.reference }),
    { key: statusKey(person.status) },
    ...(said && mentionsRtHead(said) ? [{ key: "registration:who.notRtHead" as const }] : []),
  ];
}

export async function toRegistrationEntry(ctx: FlowContext, said?: string): Promise<RegistrationEntry> {
  if (ctx.session.parked.registration || ctx.session.flow?.id === "registration") return { type: "start" };
  const own = await findOwnRegistration(ctx);
  if (isActingHead(own)) return { type: "start", data: toResidentStart(own) };
  if (own) return { type: "registered", replies: toAlreadyRegistered(own, said) };
  return {
    type: "start",
    data: { subject: "self", ...(said && mentionsRtHead(said) ? { asRtHead: true } : {}) },
  };
}
