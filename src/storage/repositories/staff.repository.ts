/** Staff accounts over the document store: unique login names and chat links, atomic failed-login counts. */
import { randomUUID } from "node:crypto";
import type { CollectionSpec, DocumentStore, Filter } from "../../core/document-store.port";
import { isAppError } from "../../core/errors";
import type { ChannelName } from "../../core/messages";
import type { StaffAccount, StaffAccounts, StaffChanges } from "../../core/staff.port";

export const staffCollection: CollectionSpec = {
  name: "staff",
  indexes: [
    { fields: { username: 1 }, unique: true },
    { fields: { telegramId: 1 }, unique: true, partial: { telegramId: { $exists: true } } },
    { fields: { whatsappNumber: 1 }, unique: true, partial: { whatsappNumber: { $exists: true } } },
    { fields: { status: 1, role: 1 } },
  ],
};

const toField = (index: string) =>
  index.includes("telegramId")
    ? "telegramId"
    : index.includes("whatsappNumber")
      ? "whatsappNumber"
      : "username";

function toFilter(filter: { status?: string; role?: string } = {}): Filter {
  return {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.role ? { role: filter.role } : {}),
  };
}

export function createStaffAccounts(store: DocumentStore): StaffAccounts {
  const staff = store.collection<StaffAccount>(staffCollection);
  return {
    async add(input, by, now) {
      const account: StaffAccount = {
        _id: randomUUID(),
        ...input,
        username: input.username.toLowerCase(),
        language: input.language ?? "id",
        status: "active",
        failedLogins: 0,
        createdAt: now,
        updatedAt: now,
        createdBy: by,
      };
      const result = await staff.insert(account);
      return result.type === "inserted"
        ? { status: "added", account }
        : { status: "duplicate", field: toField(result.index) };
    },
    findById: (id) => staff.findById(id),
    findByUsername: (username) => staff.findOne({ username: username.toLowerCase() }),
    findByChannel(channel: ChannelName, userId: string) {
      if (channel === "telegram") return staff.findOne({ telegramId: userId });
      if (channel === "whatsapp") return staff.findOne({ whatsappNumber: userId });
      return Promise.resolve(null);
    },
    list: (filter) => staff.find(toFilter(filter), { sort: { username: 1 } }),
    count: (filter) => staff.count(toFilter(filter)),
    async update(id, changes: StaffChanges, now) {
      const set: Record<string, unknown> = { updatedAt: now };
      const unset: Record<string, true> = {};
      for (const [field, value] of Object.entries(changes)) {
        if (value === null) unset[field] = true;
        else if (value !== undefined) set[field] = value;
      }
      try {
        return await staff.findOneAndUpdate(
          { _id: id },
          { $set: set, ...(Object.keys(unset).length > 0 ? { $unset: unset } : {}) },
        );
      } catch (error) {
        if (isAppError(error, "STORAGE_CONFLICT")) return "duplicate";
        throw error;
      }
    },
    async countFailedLogin(id, now) {
      const updated = await staff.findOneAndUpdate(
        { _id: id },
        { $inc: { failedLogins: 1 }, $set: { updatedAt: now } },
      );
      return updated?.failedLogins ?? 0;
    },
  };
}
