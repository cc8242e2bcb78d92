/** Step 6: the phone, from the channel when it tells it (sender's number, a contact button), else typed. */
import type { FlowContext, StepInput } from "../../core/flow";
import { next } from "../../core/flow";
import { reply } from "../../core/messages";
import { ask, confirm, type Parsed } from "../../core/steps";
import { toComparable } from "../../core/text";
import { formatPhone, parsePhone } from "../../domain/phone";
import type { I18nKey } from "../../i18n/keys";
import { nextOrSummary, type RegistrationData, type RegistrationResult } from "./registration.data";

const noPhoneWords = new Set([
  "tidak ada",
  "tdk ada",
  "gak ada",
  "ga ada",
  "nggak ada",
  "tidak punya",
  "lewati",
  "skip",
  "none",
  "no phone",
  "-",
]);

/** Residents are registered at their RT head's address; self-registrations go to the address steps. */
export function afterPhone(data: RegistrationData): RegistrationResult {
  if (data.subject === "resident" && data.proxy)
    return nextOrSummary("occupation", { ...data, address: { ...data.proxy.rt } });
  return nextOrSummary("kecamatan", { ...data, areaTarget: "address" });
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
  return afterPhone({ ...data, phone: phone.value, noPhone: false });
}

function acceptPhone(phone: string, data: RegistrationData, ctx: FlowContext): RegistrationResult {
  if (phone !== "") return afterPhone({ ...data, phone, noPhone: false });
  if (data.subject === "resident") return afterPhone({ ...data, phone: undefined, noPhone: true });
  return {
    type: "invalid",
    replies: [{ key: "registration:phone.needed" }],
    reprompt: ctx.capabilities.contacts.requestButton,
  };
}

export const contactSteps = {
  phoneConfirm: confirm<RegistrationData>({
    prompt: (_data, ctx) =>
      reply("registration:phoneConfirm.prompt", { phone: formatPhone(ctx.phone ?? "") }),
    onYes: (data, ctx) => afterPhone({ ...data, phone: ctx.phone, noPhone: false }),
    onNo: (data) => next("phone", data),
  }),
  phone: {
    ...ask<RegistrationData, string>({
      prompt: "registration:phone.prompt",
      parse: toPhone,
      invalid: (reason) => `registration:phone.${reason}` as I18nKey,
      onAnswer: acceptPhone,
      onOther: fromContact,
    }),
    prompt: (data: RegistrationData, ctx: FlowContext) =>
      data.subject === "resident"
        ? [{ key: "registration:phone.promptResident" as const }]
        : [
            {
              key: ctx.capabilities.contacts.requestButton
                ? ("registration:phone.promptShareButton" as const)
                : ("registration:phone.prompt" as const),
              requestContact: ctx.capabilities.contacts.requestButton,
            },
          ],
  },
};
