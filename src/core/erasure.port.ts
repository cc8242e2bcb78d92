/**
 * Erasure (UU PDP Art. 8, 43–44): when someone withdraws consent or asks for deletion, what the
 * bot kept about them outside their registration goes too: their name and chat id in broadcast
 * deliveries, messages still queued for them, opt-out records that no longer stop anything, and
 * what the sessions of their other chats remember. The conversation they are in is cleared by
 * the turn itself (`ctx.forgetConversation()`). Proof of consent and the audit log stay: the
 * law requires them.
 */
import type { Contact } from "./people.port";

export type ErasureSubject = {
  personId: string;
  /** Every chat the person was reachable in. */
  contacts: readonly Contact[];
  /** The chat the request came from: cleared by the turn, not here (its session is being saved). */
  except?: Contact;
};

export type ErasureReport = { deliveries: number; outbox: number; optOuts: number; sessions: number };

export interface Erasure {
  eraseTraces(subject: ErasureSubject, now: Date): Promise<ErasureReport>;
}
