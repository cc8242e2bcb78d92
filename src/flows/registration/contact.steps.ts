/**
 * The phone: the number the channel gives with every message (the WhatsApp sender) is taken
 * without asking and shown in the summary; elsewhere a contact button or the number typed (it may
 * also come with the name and NIK). A resident may have none ("tidak ada").
 */
import type { FlowContext, StepInput } from "../../core/flow";
import { next } from "../../core/flow";
import { reply } from "../../core/messages";
import { ask, type Parsed } from "../../core/steps";
import { toComparable } from "../../core/text";
import { parsePhone } from "../../domain/phone";
import type { I18nKey } from "../../i18n/keys";
import { toPersonWords } from "./person-words";
import { nextOrSummary, type RegistrationData, type RegistrationResult } from "./registration.data";

const noPhoneWords = new Set(
  [
    "tidak ada",
    "tdk ada",
    "gak ada",
    "ga ada",
    "nggak ada",
    "tidak punya",
    "gak punya",
    "belum ada",
    "lewati",
    "skip",
    "none",
    "no phone",
    "-",
  ].map((w) => toComparable(w) || w),
);

/** Residents are registered at their RT head's RT; self-registrations go on to the address. */
export function afterPhone(data: RegistrationData): RegistrationResult {
  if (data.subject === "resident" && data.proxy)
    return nextOrSummary("occupation", { ...data, address: { ...data.proxy.rt } });
  return nextOrSummary("area", { ...data, areaTarget: "address" });
}

/** After name and NIK: the phone, unless it came with them or from the channel itself. */
export function toAfterIdentity(data: RegistrationData, ctx: FlowContext): RegistrationResult {
  if (data.phone || data.noPhone) return afterPhone(data);
  if (data.subject !== "resident" && ctx.capabilities.contacts.senderPhone && ctx.phone)
    return afterPhone({ ...data, phone: ctx.phone, noPhone: false, phoneFromChannel: true });
  return next("phone", data);
}

function toPhone(text: string): Parsed<string> {
  if (noPhoneWords.has(toComparable(text) || text)) return { ok: true, value: "" };
  return parsePhone(text, { mobileOnly: true });
}

function fromContact(input: StepInput, data: RegistrationData): RegistrationResult | undefined {
  if (input.content.type !== "contact") return undefined;
  const phone = parsePhone(input.content.phone, { mobileOnly: true });
  if (!phone.ok)
    return { type: "invalid", replies: [{ key: `registration:phone.${phone.reason}` as I18nKey }] };
  return afterPhone({ ...data, phone: phone.value, noPhone: false, phoneFromChannel: false });
}

function acceptPhone(phone: string, data: RegistrationData, ctx: FlowContext): RegistrationResult {
  if (phone !== "") return afterPhone({ ...data, phone, noPhone: false, phoneFromChannel: false });
  if (data.subject === "resident") return afterPhone({ ...data, phone: undefined, noPhone: true });
  return {
    type: "invalid",
    replies: [{ key: "registration:phone.needed" }],
    reprompt: ctx.capabilities.contacts.requestButton,
  };
}

export const contactSteps = {
  phone: {
    ...ask<RegistrationData, string>({
      prompt: "registration:phone.prompt",
      parse: toPhone,
      invalid: (reason) => `registration:phone.${reason}` as I18nKey,
      onAnswer: acceptPhone,
      onOther: fromContact,
    }),
    prompt: (data: RegistrationData, ctx: FlowContext) => {
      if (data.subject === "resident")
        return [reply("registration:phone.promptResident", { ...toPersonWords(data, ctx) })];
      const button = ctx.capabilities.contacts.requestButton;
      return [
        {
          key: button
            ? ("registration:phone.promptShareButton" as const)
            : ("registration:phone.prompt" as const),
          requestContact: button,
        },
      ];
    },
  },
};
