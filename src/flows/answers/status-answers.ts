/**
 * The asker's own references: "status KLM-…" shows the asker's own claim at once (others go through
 * the claim-status flow, which asks for a second identifier); "status pendaftaran" or "DFT-…" shows
 * the asker's own registration. Nobody learns about someone else's record from a reference alone.
 */
import type { FlowContext } from "../../core/flow";
import type { Reply } from "../../core/messages";
import type { Person } from "../../core/people.port";
import { claimPrefix, parseReference, registrationPrefix } from "../../domain/reference";
import { isOwnClaim } from "../claims/claim-access";
import { toStatusCard } from "../claims/claim-view";
import { statusKey } from "../registration/labels";

/** A reference with this prefix anywhere in the text ("status klm-7hq3xa ya"). */
export function findReference(text: string, prefix: string): string | undefined {
  const pattern = new RegExp(`\\b${prefix}[\\s\\-_.:]*([0-9a-z]{6})\\b`, "i");
  const found = pattern.exec(text);
  return found ? parseReference(`${prefix}${found[1] ?? ""}`, prefix) : undefined;
}

const isOwnPerson = (person: Person, ctx: FlowContext) =>
  [...person.contacts, person.registeredBy].some((c) => c.channel === ctx.channel && c.userId === ctx.userId);

/** The registration status of the asker's own record (or one they registered, by its reference). */
export async function toRegistrationStatusReplies(text: string, ctx: FlowContext): Promise<Reply[]> {
  const { people } = ctx.services;
  const reference = findReference(text, registrationPrefix);
  if (reference) {
    const person = await people.findByReference(reference);
    if (!person || !isOwnPerson(person, ctx))
      return [{ key: "questions:registrationStatus.notOwn", params: { reference } }];
    return [
      { key: "questions:registrationStatus.found", params: { reference: person.reference } },
      { key: statusKey(person.status) },
    ];
  }
  const own = await people.findByContact({ channel: ctx.channel, userId: ctx.userId });
  const mine = own.filter((p) => p.status !== "deleted");
  if (mine.length === 0) return [{ key: "questions:registrationStatus.none" }];
  return mine
    .slice(0, 3)
    .flatMap((p): Reply[] => [
      { key: "questions:registrationStatus.found", params: { reference: p.reference } },
      { key: statusKey(p.status) },
    ]);
}

/** The asker's own claim by its reference, as status cards; undefined when it is not theirs. */
export async function toOwnClaimReplies(text: string, ctx: FlowContext): Promise<Reply[] | undefined> {
  const reference = findReference(text, claimPrefix);
  if (!reference) return undefined;
  const claim = await ctx.services.claims.findByReference(reference);
  if (!claim || !isOwnClaim(claim, ctx)) return undefined;
  const view = {
    translator: ctx.translator,
    language: ctx.language,
    calendar: ctx.services.calendar,
    now: ctx.now,
  };
  return [toStatusCard(claim, view), { key: "claimStatus:footer" }];
}

/** Longest message read as "just a reference" ("status DFT-4KQ7MZ ya pak"); longer text is a sentence. */
const referenceMessageMax = 60;

/**
 * A DFT- or KLM- reference typed at any point (the menu, mid-flow): its status for its owner;
 * anyone else is told how to see it, never whether it exists. Undefined when there is none.
 */
export async function toReferenceReplies(text: string, ctx: FlowContext): Promise<Reply[] | undefined> {
  if (text.length > referenceMessageMax) return undefined;
  if (findReference(text, registrationPrefix)) return toRegistrationStatusReplies(text, ctx);
  const claim = findReference(text, claimPrefix);
  if (!claim) return undefined;
  return (
    (await toOwnClaimReplies(text, ctx)) ?? [
      { key: "questions:claimReference.notOwn", params: { reference: claim } },
    ]
  );
}
