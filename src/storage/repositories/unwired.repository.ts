/**
 * Stand-ins for the people and claims repositories until their own implementations are wired
 * into app.ts (issues 3 and 5): nobody is registered and no claim waits for documents.
 */
import type { ClaimRepository } from "../../core/claims.port";
import type { PeopleRepository } from "../../core/people.port";

export const unwiredPeople: PeopleRepository = {
  findById: async () => null,
  findByReference: async () => null,
  findByNikHash: async () => null,
  findByContact: async () => [],
  findByPhone: async () => [],
  search: async () => [],
  count: async () => 0,
  markDeceased: async () => undefined,
};

export const unwiredClaims: ClaimRepository = { listAwaitingDocuments: async () => [] };
