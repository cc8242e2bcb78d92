/** Steps 1–2: the privacy notice and consent, then who is being registered (self or a resident). */
import { exit, invalid, next } from "../../core/flow";
import type { FlowContext } from "../../core/flow";
import { reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { choose, confirm } from "../../core/steps";
import { statusKey } from "./labels";
import type { RegistrationData, RegistrationResult } from "./registration.data";

/** Bump when the notice text (registration:consent.notice) changes; stored with every consent. */
export const privacyNoticeVersion = "2026-03-v1";

/** The caller's own registration (not deleted or rejected), if any. */
export async function findOwnRegistration(ctx: FlowContext): Promise<Person | undefined> {
  const mine = await ctx.services.people.findByContact({ channel: ctx.channel, userId: ctx.userId });
  return mine.find((p) => p.status !== "deleted" && p.status !== "rejected");
}

const isActingHead = (p: Person | undefined): p is Person & { leadsRt: NonNullable<Person["leadsRt"]> } =>
  p !== undefined &&
  p.role === "rt_head" &&
  p.leadsRt !== undefined &&
  ["pending", "active"].includes(p.status);

async function chooseSelf(data: RegistrationData, ctx: FlowContext): Promise<RegistrationResult> {
  const own = await findOwnRegistration(ctx);
  if (own)
    return exit([
      reply("registration:who.alreadyRegistered", { reference: own.reference }),
      { key: statusKey(own.status) },
    ]);
  return next("name", { ...data, subject: "self", proxy: undefined });
}

async function chooseResident(data: RegistrationData, ctx: FlowContext): Promise<RegistrationResult> {
  const own = await findOwnRegistration(ctx);
  if (!isActingHead(own)) return invalid([{ key: "registration:who.notRtHead" }], { reprompt: true });
  const proxy = { personId: own._id, name: own.name, rt: own.leadsRt };
  return next("proxyConsent", { ...data, subject: "resident", proxy });
}

export const consentSteps = {
  consent: confirm<RegistrationData>({
    legal: true,
    prompt: () => [
      reply("registration:consent.notice", { version: privacyNoticeVersion }),
      reply("registration:consent.prompt"),
    ],
    yes: "registration:consent.agree",
    no: "registration:consent.decline",
    onYes: (data, ctx) => next("who", { ...data, consentAt: ctx.now, noticeVersion: privacyNoticeVersion }),
    onNo: () => exit([{ key: "registration:consent.declined" }]),
  }),
  who: choose<RegistrationData>({
    prompt: "registration:who.prompt",
    options: [
      {
        value: "self",
        label: "registration:who.self",
        aliases: ["sendiri", "saya", "diri sendiri", "myself"],
      },
      { value: "resident", label: "registration:who.resident", aliases: ["warga", "warga rt", "resident"] },
    ],
    onChoice: (value, data, ctx) => (value === "self" ? chooseSelf(data, ctx) : chooseResident(data, ctx)),
  }),
  proxyConsent: confirm<RegistrationData>({
    legal: true,
    prompt: (data) =>
      reply("registration:proxyConsent.prompt", {
        version: privacyNoticeVersion,
        rt: data.proxy?.rt.rt ?? "",
      }),
    onYes: (data) => next("name", data),
    onNo: () => exit([{ key: "registration:proxyConsent.declined" }]),
  }),
};
