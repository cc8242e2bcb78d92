/**
 * The messages webhook as zod schemas: only the fields the bot reads, everything else ignored, so
 * a field Meta adds never breaks parsing. Shapes from
 * https://developers.facebook.com/documentation/business-messaging/whatsapp/webhooks/reference/messages
 */
import { z } from "zod";

const mediaSchema = z.object({
  id: z.string(),
  mime_type: z.string().default(""),
  sha256: z.string().optional(),
  caption: z.string().optional(),
  filename: z.string().optional(),
});

export const cloudMessageSchema = z.object({
  from: z.string(),
  id: z.string(),
  timestamp: z.string(),
  type: z.string(),
  text: z.object({ body: z.string() }).optional(),
  interactive: z
    .object({
      type: z.string(),
      button_reply: z.object({ id: z.string(), title: z.string() }).optional(),
      list_reply: z.object({ id: z.string(), title: z.string() }).optional(),
    })
    .optional(),
  /** A quick-reply button of a template. */
  button: z.object({ payload: z.string().optional(), text: z.string() }).optional(),
  image: mediaSchema.optional(),
  document: mediaSchema.optional(),
  contacts: z
    .array(
      z.object({
        phones: z.array(z.object({ phone: z.string().optional(), wa_id: z.string().optional() })).default([]),
      }),
    )
    .optional(),
  location: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      name: z.string().optional(),
      address: z.string().optional(),
    })
    .optional(),
  /** Set when the message was sent in a group. */
  group_id: z.string().optional(),
});
export type CloudMessage = z.infer<typeof cloudMessageSchema>;

const errorSchema = z.object({ code: z.number(), title: z.string().optional() });

export const cloudStatusSchema = z.object({
  id: z.string(),
  status: z.string(),
  timestamp: z.string(),
  recipient_id: z.string().optional(),
  biz_opaque_callback_data: z.string().optional(),
  errors: z.array(errorSchema).optional(),
});
export type CloudStatus = z.infer<typeof cloudStatusSchema>;

const valueSchema = z.object({
  metadata: z.object({ phone_number_id: z.string() }).optional(),
  contacts: z
    .array(z.object({ wa_id: z.string(), profile: z.object({ name: z.string() }).optional() }))
    .optional(),
  messages: z.array(z.unknown()).optional(),
  statuses: z.array(z.unknown()).optional(),
  errors: z.array(errorSchema).optional(),
});

export const webhookPayloadSchema = z.object({
  object: z.string(),
  entry: z.array(
    z.object({
      id: z.string(),
      changes: z.array(z.object({ field: z.string(), value: valueSchema })),
    }),
  ),
});

/** What one webhook call carries for one phone number: messages (oldest first) and statuses. */
export type WebhookBatch = {
  messages: CloudMessage[];
  statuses: CloudStatus[];
  /** Profile names by wa_id. */
  names: Map<string, string>;
  /** Items that did not parse (counted, never thrown: one odd item must not drop the others). */
  unreadable: number;
  /** Errors Meta reported at the value level (codes). */
  errors: number[];
};

/**
 * Flattens a parsed payload to the items for `phoneNumberId` (another number of the same
 * business account is not ours). Messages are sorted by timestamp: Meta does not promise order.
 */
export function toWebhookBatch(
  payload: z.infer<typeof webhookPayloadSchema>,
  phoneNumberId: string,
): WebhookBatch {
  const batch: WebhookBatch = { messages: [], statuses: [], names: new Map(), unreadable: 0, errors: [] };
  for (const change of payload.entry.flatMap((e) => e.changes)) {
    if (change.field !== "messages") continue;
    const { value } = change;
    if (value.metadata && value.metadata.phone_number_id !== phoneNumberId) continue;
    for (const contact of value.contacts ?? [])
      if (contact.profile?.name) batch.names.set(contact.wa_id, contact.profile.name);
    for (const raw of value.messages ?? []) {
      const parsed = cloudMessageSchema.safeParse(raw);
      if (parsed.success) batch.messages.push(parsed.data);
      else batch.unreadable += 1;
    }
    for (const raw of value.statuses ?? []) {
      const parsed = cloudStatusSchema.safeParse(raw);
      if (parsed.success) batch.statuses.push(parsed.data);
      else batch.unreadable += 1;
    }
    batch.errors.push(...(value.errors ?? []).map((e) => e.code));
  }
  batch.messages.sort((a, b) => Number(a.timestamp) - Number(b.timestamp));
  return batch;
}
