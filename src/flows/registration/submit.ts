/**
 * The end: the registration is saved with status "pending" (menunggu verifikasi), or "draft" for
 * a resident whose RT head is not verified yet, with a DFT- reference, a consent record and an
 * audit entry. A person is told what happens next; an RT head goes on to his residents.
 */
import type { CompleteResult, FlowContext } from "../../core/flow";
import { reply, type Reply } from "../../core/messages";
import type { NewPerson, Person, RtRef } from "../../core/people.port";
import { findOccupation } from "../../domain/occupations";
import { isActingHead, toResidentStart } from "./entry";
import { toKnownToCaller } from "./identity.steps";
import { flagForStaff, toActor, type RegistrationData } from "./registration.data";
import { toNextResident } from "./resident-results";

const leave = (replies: Reply[]): CompleteResult => ({ type: "exit", replies, showMenu: true });

const isComplete = (rt: { [K in keyof RtRef]?: string | undefined } | undefined): rt is RtRef =>
  Boolean(rt?.kecamatan && rt.kelurahan && rt.rw && rt.rt);

function toFlags(data: RegistrationData): string[] {
  const flags: string[] = [];
  if (data.nik && (data.birthDate !== data.nik.birthDate || data.sex !== data.nik.sex))
    flags.push("nik_birthdate_mismatch");
  if (data.nik && !data.nik.inKotaJambi) flags.push("nik_outside_kota_jambi");
  if (data.ageToConfirm) flags.push("age_limit_to_confirm");
  if (data.fundedBy === "apbd" && !findOccupation(data.occupation ?? "")?.apbdGroup)
    flags.push("apbd_proposed");
  return flags;
}

/** A resident is a draft while the RT head registering him is not verified (checked again now). */
async function isDraft(data: RegistrationData, ctx: FlowContext): Promise<boolean> {
  if (data.subject !== "resident" || !data.proxy?.draft) return false;
  const head = await ctx.services.people.findById(data.proxy.personId);
  return head?.status !== "active";
}

function toNewPerson(data: RegistrationData, ctx: FlowContext, draft: boolean): NewPerson | undefined {
  const { nik, name, birthDate, sex, income, programmes, fundedBy, occupation, consentAt, noticeVersion } =
    data;
  const answered = nik && name && birthDate && sex && income && programmes && fundedBy && occupation;
  if (!answered || !consentAt || !noticeVersion || !isComplete(data.address)) return undefined;
  const proxy = data.subject === "resident" ? data.proxy : undefined;
  const leadsRt = occupation === "ketua_rt" && isComplete(data.leadsRt) ? data.leadsRt : undefined;
  return {
    status: draft ? "draft" : "pending",
    role: leadsRt ? "rt_head" : "worker",
    name,
    nik: { cipher: nik.cipher, hash: nik.hash },
    birthDate,
    sex,
    ...(data.phone ? { phone: data.phone } : {}),
    address: data.address,
    occupation: { code: occupation, ...(data.occupationOther ? { other: data.occupationOther } : {}) },
    ...(leadsRt ? { leadsRt } : {}),
    income,
    programmes,
    fundedBy,
    consent: {
      at: consentAt,
      channel: ctx.channel,
      noticeVersion,
      givenBy: proxy ? "proxy" : "self",
      ...(proxy ? { proxyName: proxy.name } : {}),
    },
    registeredBy: {
      channel: ctx.channel,
      userId: ctx.userId,
      ...(proxy ? { personId: proxy.personId } : {}),
    },
    contacts: proxy ? [] : [{ channel: ctx.channel, userId: ctx.userId }],
    language: ctx.language,
    flags: toFlags(data),
  };
}

/** A new RT head while another is recorded: pending replacement until staff confirm. */
async function rtHeadReplacement(person: NewPerson, ctx: FlowContext): Promise<boolean> {
  if (!person.leadsRt) return false;
  const heads = await ctx.services.people.findRtHeads(person.leadsRt);
  return heads.some((h) => h.nik.hash !== person.nik.hash);
}

async function recordConsent(person: Person, data: RegistrationData, ctx: FlowContext): Promise<void> {
  const proxy = data.subject === "resident" ? data.proxy : undefined;
  await ctx.services.consents.record(
    {
      personId: person._id,
      at: data.consentAt ?? ctx.now,
      channel: ctx.channel,
      noticeVersion: data.noticeVersion ?? "",
      action: "given",
      givenBy: proxy ? "proxy" : "self",
      ...(proxy ? { proxyName: proxy.name, proxyPersonId: proxy.personId } : {}),
      actor: toActor(ctx),
    },
    ctx.effectKey("consent"),
  );
}

type Saved = { type: "saved"; person: Person } | { type: "answered"; result: CompleteResult };

/**
 * Saves the registration. A NIK registered already (under any hash key still in use) is saved
 * for staff as a duplicate and answered like any other registration, so submitting reveals
 * nothing; only the caller's own record, or a resident they registered, is named.
 */
async function save(person: NewPerson, data: RegistrationData, ctx: FlowContext): Promise<Saved> {
  const { people, vault } = ctx.services;
  // The key makes a retried or redelivered submit find this run's record: the same reply, no copy.
  const key = ctx.effectKey("person");
  const earlier = await people.findByEffectKey(key);
  if (earlier) return { type: "saved", person: earlier };
  const existing = await people.findByNikHash(vault.hashes(vault.open(person.nik)));
  const result = existing
    ? { type: "duplicateNik" as const, existing }
    : await people.register(person, ctx.now, key);
  if (result.type === "registered") return { type: "saved", person: result.person };
  const known = toKnownToCaller(result.existing, data, ctx);
  if (known?.type === "start" || known?.type === "exit") return { type: "answered", result: known };
  if (known) return { type: "answered", result: leave(known.type === "next" ? (known.replies ?? []) : []) };
  const saved = await people.registerForReview(person, result.existing, ctx.now, key);
  await flagForStaff(result.existing, "duplicate_attempt", "registration.duplicate_nik", ctx, {
    duplicate: saved.reference,
  });
  return { type: "saved", person: saved };
}

/** What the person registering is told, and where the conversation goes next. */
function toOutcome(
  saved: Person,
  data: RegistrationData,
  ctx: FlowContext,
  replacing: boolean,
): CompleteResult {
  if (data.subject === "resident") {
    const outcome = saved.status === "draft" ? "draft" : "registered";
    const last = { name: saved.name, sex: saved.sex, reference: saved.reference, outcome } as const;
    return toNextResident(last, data, ctx);
  }
  const replies: Reply[] = [
    reply("registration:done.self", {
      reference: saved.reference,
      days: ctx.services.settings.registrationReviewDays,
    }),
  ];
  if (replacing) replies.push({ key: "registration:done.rtHeadReplacement" });
  if (!isActingHead(saved)) return replies;
  return { type: "start", flow: "registration", data: { ...toResidentStart(saved), offered: true }, replies };
}

export async function submitRegistration(data: RegistrationData, ctx: FlowContext): Promise<CompleteResult> {
  const person = toNewPerson(data, ctx, await isDraft(data, ctx));
  if (!person) return leave([{ key: "registration:done.incomplete" }]);
  const replacing = await rtHeadReplacement(person, ctx);
  if (replacing) person.flags.push("rt_head_replacement_pending");
  const outcome = await save(person, data, ctx);
  if (outcome.type === "answered") return outcome.result;
  const saved = outcome.person;
  await recordConsent(saved, data, ctx);
  await ctx.services.audit.record(
    {
      at: ctx.now,
      actor: toActor(ctx),
      action: "registration.submitted",
      target: `person:${saved.reference}`,
      details: { proxy: data.subject === "resident", flags: saved.flags, status: saved.status },
    },
    ctx.effectKey("audit:registration.submitted"),
  );
  return toOutcome(saved, data, ctx, replacing);
}
