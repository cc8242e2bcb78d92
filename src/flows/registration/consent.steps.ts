/**
 * Consent. Registering oneself: the privacy notice and "setuju?". An RT head registering
 * residents: the notice once per conversation ("privasi" shows it again), then for each resident a
 * short statement that the resident agreed; each resident's consent is recorded on submit with the
 * notice version. Only an unambiguous yes counts.
 */
import { exit, invalid, next } from "../../core/flow";
import type { FlowContext, Step, StepInput } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import { confirm, matchConfirm } from "../../core/steps";
import { toComparable } from "../../core/text";
import { findOwnRegistration, isActingHead, toAlreadyRegistered, toResidentStart } from "./entry";
import type { RegistrationData, RegistrationResult } from "./registration.data";
import { toResultReply } from "./resident-results";

export { findOwnRegistration } from "./entry";

/** Bump when the notice text (registration:consent.notice) changes; stored with every consent. */
export const privacyNoticeVersion = "2026-03-v1";

const noticeReply = (): Reply => reply("registration:consent.notice", { version: privacyNoticeVersion });
const noticeWords = new Set(["privasi", "pemberitahuan", "pemberitahuan privasi", "privacy", "notice"]);
const shownThisConversation = (ctx: FlowContext) =>
  ctx.session.context.registrationNotice === privacyNoticeVersion;

const consented = (data: RegistrationData, ctx: FlowContext): RegistrationData => {
  ctx.setContext({ registrationNotice: privacyNoticeVersion });
  return { ...data, consentAt: ctx.now, noticeVersion: privacyNoticeVersion };
};

/** Someone who came in without the entry's check (an older path): decided now. */
async function acceptSelf(data: RegistrationData, ctx: FlowContext): Promise<RegistrationResult> {
  if (!data.subject) {
    const own = await findOwnRegistration(ctx);
    if (isActingHead(own))
      return next("consent", { ...toResidentStart(own) }, [
        reply("registration:who.headRegistered", { reference: own.reference }),
      ]);
    if (own) return exit(toAlreadyRegistered(own), true);
  }
  const occupation = data.asRtHead ? { occupation: "ketua_rt" } : {};
  return next("identity", { ...consented(data, ctx), subject: "self", ...occupation });
}

const selfConsent = confirm<RegistrationData>({
  legal: true,
  prompt: (data) => [
    noticeReply(),
    ...(data.asRtHead ? [{ key: "registration:consent.rtHeadFirst" as const }] : []),
    reply("registration:consent.prompt"),
  ],
  yes: "registration:consent.agree",
  no: "registration:consent.decline",
  onYes: acceptSelf,
  onNo: () => exit([{ key: "registration:consent.declined" }], true),
});

function residentPrompt(data: RegistrationData, ctx: FlowContext): Reply[] {
  const rt = data.proxy?.rt;
  const params = { rt: rt?.rt ?? "", rw: rt?.rw ?? "", kelurahan: rt?.kelurahan ?? "" };
  return [
    ...(shownThisConversation(ctx) ? [] : [noticeReply()]),
    ...(data.proxy?.draft && !data.last ? [{ key: "registration:residentConsent.draftNote" as const }] : []),
    reply(
      data.last
        ? "registration:residentConsent.another"
        : data.offered
          ? "registration:residentConsent.offer"
          : "registration:residentConsent.prompt",
      params,
    ),
  ];
}

const residentConsent = confirm<RegistrationData>({
  legal: true,
  prompt: residentPrompt,
  yes: "registration:residentConsent.agree",
  no: "registration:residentConsent.decline",
  onYes: (data, ctx) =>
    next("identity", {
      ...consented({ subject: "resident", ...(data.proxy ? { proxy: data.proxy } : {}) }, ctx),
    }),
  onNo: (data) =>
    exit(
      [
        {
          key:
            data.last || data.offered
              ? "registration:residentConsent.finished"
              : "registration:residentConsent.declined",
        },
      ],
      true,
    ),
});

/** "Jadi Pak Jumadi sudah terdaftar ya?": the last resident's outcome again, then the question. */
function toLastAgain(
  input: StepInput,
  data: RegistrationData,
  ctx: FlowContext,
): RegistrationResult | undefined {
  if (!data.last || input.content.type !== "text") return undefined;
  const options = [
    { value: "yes", label: "registration:residentConsent.agree" as const },
    { value: "no", label: "registration:residentConsent.decline" as const },
  ];
  if (matchConfirm(input.content, options, ctx.translator, true) !== undefined) return undefined;
  const words = toComparable(input.text).split(" ");
  const firstName = toComparable(data.last.name).split(" ")[0] ?? "";
  const asks = words.some((w) =>
    ["terdaftar", "daftar", "nomor", "nomornya", "status", firstName].includes(w),
  );
  // Not "invalid": that would let the question answerer reply about the RT head's own record.
  return asks ? next("consent", data, [toResultReply(data.last, ctx)]) : undefined;
}

export const consentSteps: Record<string, Step<RegistrationData>> = {
  consent: {
    prompt: (data, ctx) => (data.subject === "resident" ? residentConsent : selfConsent).prompt(data, ctx),
    handle: (input, data, ctx) => {
      if (noticeWords.has(toComparable(input.text))) return invalid([noticeReply()], { reprompt: true });
      if (data.subject !== "resident") return selfConsent.handle(input, data, ctx);
      return toLastAgain(input, data, ctx) ?? residentConsent.handle(input, data, ctx);
    },
  },
};
