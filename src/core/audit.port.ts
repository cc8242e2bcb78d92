/** Record of processing (UU PDP Art. 31): every staff action and sensitive access. */
export type AuditEntry = {
  at: Date;
  /** Who acted: "telegram:123", "whatsapp:+62…", "cli:<os user>", "system". */
  actor: string;
  action: string;
  /** What was acted on: "person:DFT-…", "claim:KLM-…", "broadcast:…". */
  target: string;
  details?: Record<string, unknown>;
};

export interface AuditLog {
  /** Appends; with `key` (`ctx.effectKey("audit")`) a second call with the same key writes nothing. */
  record(entry: AuditEntry, key?: string): Promise<void>;
  list(
    filter: { target?: string; actor?: string; action?: string; since?: Date },
    limit?: number,
  ): Promise<AuditEntry[]>;
}
