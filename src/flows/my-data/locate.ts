/** Finds the caller's registration: their own, or one an RT head made for their phone number. */
import type { FlowContext } from "../../core/flow";
import type { Person } from "../../core/people.port";
import { maskNik } from "../../domain/nik";
import { formatDate } from "../../domain/jakarta-time";
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

/** "Maret 2026" from "2026-03". */
const toMonthText = (month: string, language: FlowContext["language"]) =>
  new Intl.DateTimeFormat(language === "id" ? "id-ID" : "en-GB", {
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${month}-01T00:00:00Z`));

/** What BPJS says about the membership (after an import), as lines for the view; "" when nothing is known. */
function toMembershipText(person: Person, ctx: FlowContext): string {
  if (!person.kpj && !person.membershipSince && !person.paidThrough && !person.coverageEndsAt) return "";
  const day = (date: Date | undefined) => (date ? formatDate(date, ctx.language) : "-");
  return ctx.translator.t(ctx.language, "myData:membership", {
    kpj: person.kpj ? ctx.services.vault.open(person.kpj) : "-",
    since: person.membershipSince ? day(new Date(`${person.membershipSince}T00:00:00+07:00`)) : "-",
    paidThrough: person.paidThrough ? toMonthText(person.paidThrough, ctx.language) : "-",
    // coverageEndsAt is the first moment without cover; people read the last day covered.
    coverEnds: person.coverageEndsAt ? day(new Date(person.coverageEndsAt.getTime() - 1)) : "-",
  });
}

/** The person's data as one message; the NIK masked, the KPJ number and cover dates once known. */
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
    membership: toMembershipText(person, ctx),
  });
}
