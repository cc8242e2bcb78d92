/**
 * Stand-in PeopleRepository that knows nobody, used until the registration feature's repository
 * is wired in app.ts. Claims then treat every deceased as "not found" and flag it for staff.
 */
import type { PeopleRepository } from "../../core/people.port";

export const noPeopleRepository: PeopleRepository = {
  findById: async () => null,
  findByReference: async () => null,
  findByNikHash: async () => null,
  findByKpjHash: async () => null,
  findByContact: async () => [],
  findByPhone: async () => [],
  search: async () => [],
  count: async () => 0,
  markDeceased: async () => undefined,
  setReportedDeceased: async () => undefined,
};
