/**
 * Who may see and change a claim (issue 13): the conversation that reported it, heirs staff added
 * (by their number on the phone channel), and a channel-confirmed phone (the WhatsApp sender, Telegram's own
 * contact) equal to the reporter's; anyone else only with the reporter's NIK and the reference,
 * checked in the status flow. A phone number typed in the chat proves nothing.
 */
import type { Claim } from "../../core/claims.port";
import type { FlowContext } from "../../core/flow";

export function isOwnClaim(claim: Claim, ctx: FlowContext): boolean {
  const { contact, phone } = claim.heir;
  if (contact.channel === ctx.channel && contact.userId === ctx.userId) return true;
  const access = claim.access ?? [];
  if (access.some((a) => a.channel === ctx.channel && a.userId === ctx.userId)) return true;
  if (!ctx.phone) return false;
  const phoneChannel = ctx.services.channels.phoneChannel();
  return phone === ctx.phone || access.some((a) => a.channel === phoneChannel && a.userId === ctx.phone);
}

/** The claims this conversation may follow without further proof, newest first. */
export async function findOwnClaims(ctx: FlowContext): Promise<Claim[]> {
  const { claims } = ctx.services;
  const contact = { channel: ctx.channel, userId: ctx.userId };
  const phoneChannel = ctx.services.channels.phoneChannel();
  const found = [
    ...(await claims.findByHeirContact(contact)),
    ...(await claims.findByAccess(contact)),
    ...(ctx.phone ? await claims.findByHeirPhone(ctx.phone) : []),
    ...(ctx.phone && phoneChannel && ctx.channel !== phoneChannel
      ? await claims.findByAccess({ channel: phoneChannel, userId: ctx.phone })
      : []),
  ];
  const seen = new Set<string>();
  return found
    .filter((c) => !seen.has(c.reference) && seen.add(c.reference))
    .filter((c) => isOwnClaim(c, ctx))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
}
