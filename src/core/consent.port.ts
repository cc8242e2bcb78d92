/**
 * Proof of consent (UU PDP Art. 22–24): every consent given, confirmed or withdrawn, with time,
 * channel, notice version and who gave it (the person, or an RT head on their behalf).
 */
import type { ChannelName } from "./messages";

export type ConsentEntry = {
  personId: string;
  at: Date;
  channel: ChannelName;
  /** Version of the privacy notice the person (or proxy) saw. */
  noticeVersion: string;
  action: "given" | "confirmed" | "withdrawn";
  givenBy: "self" | "proxy";
  /** For proxy consent: "didaftarkan oleh Ketua RT …". */
  proxyName?: string;
  proxyPersonId?: string;
  /** The chat account it came from: "whatsapp:+62…", "telegram:123". */
  actor: string;
};

export interface ConsentLog {
  /** Appends; with `key` (`ctx.effectKey("consent")`) a second call with the same key writes nothing. */
  record(entry: ConsentEntry, key?: string): Promise<void>;
  listFor(personId: string): Promise<ConsentEntry[]>;
}
