/**
 * A death report is not a death (issue 13): the reported person keeps every right, and when they
 * (or anyone writing from their registered phone) next write to the bot, it first asks whether
 * they are well. "Saya masih hidup" suspends the claim, alerts staff with both sides and is audited.
 */
import type { Claim } from "../../core/claims.port";
import type { FlowContext } from "../../core/flow";
import { toConversationKey } from "../../core/messages";
import type { Person } from "../../core/people.port";
import type { Services } from "../../core/services";
import { maskPhone } from "../../domain/phone";
import { updateClaim } from "./claim-actions";

const saveAttempts = 3;

/** Conversations that belong to the reported person: their contacts and sessions with their phone. */
async function toTargets(person: Person, services: Services): Promise<string[]> {
  const keys = new Set(person.contacts.map((c) => toConversationKey(c.channel, c.userId)));
  if (person.phone) {
    const phoneChannel = services.channels.phoneChannel();
    if (phoneChannel) keys.add(toConversationKey(phoneChannel, person.phone));
    for (const session of await services.sessions.findByPhone(person.phone)) keys.add(session._id);
  }
  return [...keys];
}

/** Puts the "are you well?" question in front of the person's next message, in each of their chats. */
export async function queueAliveCheck(person: Person, claim: Claim, ctx: FlowContext): Promise<void> {
  const { sessions } = ctx.services;
  const reporter = toConversationKey(ctx.channel, ctx.userId);
  if (ctx.phone && ctx.phone === person.phone) return; // reported from the deceased's own phone
  for (const key of await toTargets(person, ctx.services)) {
    if (key === reporter) continue;
    for (let attempt = 0; attempt < saveAttempts; attempt++) {
      const session = await sessions.load(key).catch(() => null);
      // A conversation never started is asked at its first message (registry.onNewConversation).
      if (!session) break;
      const queued = { flow: "aliveCheck", data: { reference: claim.reference }, at: ctx.now };
      if ((await sessions.save({ ...session, queued, version: session.version + 1 })) === "saved") break;
    }
  }
}

/**
 * The open, unverified report about the owner of the phone a brand-new conversation comes from
 * (WhatsApp, a Telegram contact). Chats the person already used were asked when the report was
 * filed (queueAliveCheck); a conversation with no known phone costs no lookup.
 */
export async function findReportAbout(ctx: FlowContext): Promise<string | undefined> {
  if (!ctx.phone) return undefined;
  const found = await ctx.services.people.findByPhone(ctx.phone);
  return found.find((p) => p.reportedDeceased && p.status !== "deceased")?.reportedDeceased?.claimReference;
}

/** The reported person says they are alive: the claim is suspended, staff alerted with both sides, audited. */
export async function reportAlive(reference: string, ctx: FlowContext): Promise<Claim | null> {
  const by = `${ctx.channel}:${ctx.userId}`;
  const claim = await updateClaim(ctx.services, reference, (c) =>
    c.deceased.verifiedAt || c.falseReport
      ? null
      : {
          ...c,
          suspended: { at: ctx.now, by },
          flags: c.flags.includes("alive_reported") ? c.flags : [...c.flags, "alive_reported"],
          updatedAt: ctx.now,
        },
  );
  if (!claim) return null;
  const { heir, deceased } = claim;
  await ctx.services.staffAlerts.raise({
    kind: "claim.aliveReported",
    target: `claim:${reference}`,
    at: ctx.now,
    replies: [
      {
        key: "staffClaims:alert.aliveReported",
        params: {
          reference,
          person: deceased.personReference ?? "-",
          channel: ctx.channel,
          reporter: heir.name,
          relationship: heir.relationship,
          reporterPhone: heir.phone ? maskPhone(heir.phone) : "-",
          reporterChannel: heir.contact.channel,
          reportedAt: claim.createdAt,
        },
      },
    ],
    details: { person: deceased.personReference, from: ctx.channel },
  });
  return claim;
}
