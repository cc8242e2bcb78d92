/** Finds the caller's registration: their own, or one an RT head made for their phone number. */
import type { FlowContext } from "../../core/flow";
import type { Person } from "../../core/people.port";
import { maskNik } from "../../domain/nik";
import { formatPhone } from "../../domain/phone";
import { occupationKey, sexKey } from "../registration/labels";
import { reply, type Reply } from "../../core/messages";
import type { I18nKey } from "../../i18n/keys";

export type Located =
  { type: "own"; person: Person } | { type: "claimable"; person: Person } | { type: "none" };

const isMine = (p: Person, ctx: FlowContext) =>
  p.contacts.some((c) => c.channel === ctx.channel && c.userId === ctx.userId);

export async function locate(ctx: FlowContext): Promise<Located> {
  const own = (await ctx.services.people.findByContact({ channel: ctx.channel, userId: ctx.userId })).find(
    (p) => p.status !== "deleted",
  );
  if (own) return { type: "own", person: own };
  if (!ctx.phone) return { type: "none" };
  const byPhone = (await ctx.services.people.findByPhone(ctx.phone)).find(
    (p) => p.status !== "deleted" && !isMine(p, ctx),
  );
  return byPhone ? { type: "claimable", person: byPhone } : { type: "none" };
}

/** The person's data as one message; the NIK masked. */
export function toView(person: Person, ctx: FlowContext): Reply {
  const t = (key: I18nKey) => ctx.translator.t(ctx.language, key);
  const occupation = person.occupation.other ?? t(occupationKey(person.occupation.code));
  return reply("myData:view", {
    reference: person.reference,
    status: t(`registration:statusWord.${person.status}` as I18nKey),
    name: person.name,
    nik: maskNik(ctx.services.vault.open(person.nik)),
    birthDate: new Date(`${person.birthDate}T00:00:00+07:00`),
    sex: t(sexKey(person.sex)),
    phone: person.phone ? formatPhone(person.phone) : "-",
    rt: person.address.rt,
    rw: person.address.rw,
    kelurahan: person.address.kelurahan,
    kecamatan: person.address.kecamatan,
    occupation,
    income: person.income,
    programmes: person.programmes.join(" + "),
    registeredBy:
      person.consent.givenBy === "proxy"
        ? ctx.translator.t(ctx.language, "myData:byProxy", { name: person.consent.proxyName ?? "" })
        : t("myData:bySelf"),
  });
}
