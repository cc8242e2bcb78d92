/**
 * A kelurahan officer sees and acts only in their kelurahan. This wraps the ports staff use so
 * that every query carries the scope (lists and counts are filtered in the database, single
 * lookups outside the scope find nothing, writes outside it do nothing). The chat's staff flows
 * and the console get their services through here; a city-wide account gets them unchanged.
 */
import type { ClaimDocumentRepository, ClaimRepository, Claim } from "./claims.port";
import type { PeopleRegister, Person, PersonQuery } from "./people.port";
import type { Services } from "./services";
import type { Handoff, HandoffQuery, HandoffRepository } from "./handoff.port";
import type { ReportQueries } from "./report-queries.port";
import type { StaffPrincipal } from "./staff.port";
import { isInScope, type StaffScope } from "../domain/staff-roles";

type Kelurahan = Extract<StaffScope, { type: "kelurahan" }>;

const personIn = (scope: Kelurahan, person: Person | null) =>
  person && isInScope(scope, person.address.kelurahan) ? person : null;
const claimIn = (scope: Kelurahan, claim: Claim | null) =>
  claim && isInScope(scope, claim.deceased.kelurahan) ? claim : null;

/** The query narrowed to the scope, or null when it asks for a kelurahan outside it. */
function toScopedQuery(scope: Kelurahan, query: PersonQuery): PersonQuery | null {
  if (query.kelurahan) return scope.kelurahan.includes(query.kelurahan) ? query : null;
  const allowed = query.kelurahanIn
    ? query.kelurahanIn.filter((k) => scope.kelurahan.includes(k))
    : scope.kelurahan;
  return { ...query, kelurahanIn: allowed };
}

export function toScopedPeople(people: PeopleRegister, scope: Kelurahan): PeopleRegister {
  const guard = async (id: string) => personIn(scope, await people.findById(id));
  return {
    ...people,
    findById: guard,
    findByReference: async (reference) => personIn(scope, await people.findByReference(reference)),
    findByNikHash: async (hash) => personIn(scope, await people.findByNikHash(hash)),
    findByKpjHash: async (hash) => personIn(scope, await people.findByKpjHash(hash)),
    findByEffectKey: async (key) => personIn(scope, await people.findByEffectKey(key)),
    findByNikHashes: async (hashes) =>
      (await people.findByNikHashes(hashes)).filter((p) => personIn(scope, p)),
    findByContact: async (contact) => (await people.findByContact(contact)).filter((p) => personIn(scope, p)),
    findByPhone: async (phone) => (await people.findByPhone(phone)).filter((p) => personIn(scope, p)),
    findRtHeads: async (rt) => (isInScope(scope, rt.kelurahan) ? people.findRtHeads(rt) : []),
    search: async (query, options) => {
      const scoped = toScopedQuery(scope, query);
      return scoped ? people.search(scoped, options) : [];
    },
    count: async (query) => {
      const scoped = toScopedQuery(scope, query);
      return scoped ? people.count(scoped) : 0;
    },
    countBy: async (query, by) => {
      const scoped = toScopedQuery(scope, query);
      return scoped ? people.countBy(scoped, by) : [];
    },
    streamReach: (query, options) =>
      people.streamReach(toScopedQuery(scope, query) ?? { kelurahanIn: [] }, options),
    findReachByContacts: async () => [],
    setReportedDeceased: async (id, report, now) =>
      void ((await guard(id)) && (await people.setReportedDeceased(id, report, now))),
    update: async (id, changes, now) => ((await guard(id)) ? people.update(id, changes, now) : null),
    addFlag: async (id, flag, now) => void ((await guard(id)) && (await people.addFlag(id, flag, now))),
    removeFlag: async (id, flag, now) => void ((await guard(id)) && (await people.removeFlag(id, flag, now))),
    addContact: async (id, c, now) => void ((await guard(id)) && (await people.addContact(id, c, now))),
    markDeceased: async (id, at) => void ((await guard(id)) && (await people.markDeceased(id, at))),
    remove: async (id) => void ((await guard(id)) && (await people.remove(id))),
    anonymise: async (id, now) => void ((await guard(id)) && (await people.anonymise(id, now))),
    register: async (person, now) => people.register(person, now),
  };
}

export function toScopedClaims(claims: ClaimRepository, scope: Kelurahan): ClaimRepository {
  const inScope = (list: Claim[]) => list.filter((c) => claimIn(scope, c));
  return {
    ...claims,
    findByReference: async (reference) => claimIn(scope, await claims.findByReference(reference)),
    findByHeirContact: async (contact) => inScope(await claims.findByHeirContact(contact)),
    findByHeirPhone: async (phone) => inScope(await claims.findByHeirPhone(phone)),
    findByHeirNikHash: async (hash) => inScope(await claims.findByHeirNikHash(hash)),
    findByAccess: async (contact) => inScope(await claims.findByAccess(contact)),
    findOpenByDeceased: async (key) => claimIn(scope, await claims.findOpenByDeceased(key)),
    findByDeceased: async (key) => inScope(await claims.findByDeceased(key)),
    listAwaitingDocuments: async () => [],
    list: (query, options) => {
      const allowed = (query.kelurahanIn ?? scope.kelurahan).filter((k) => scope.kelurahan.includes(k));
      return claims.list({ ...query, kelurahanIn: allowed }, options);
    },
    save: async (claim) => (claimIn(scope, claim) ? claims.save(claim) : false),
  };
}

function toScopedDocuments(
  documents: ClaimDocumentRepository,
  claims: ClaimRepository,
): ClaimDocumentRepository {
  const visible = async (reference: string) => (await claims.findByReference(reference)) !== null;
  return {
    ...documents,
    findById: async (id) => {
      const document = await documents.findById(id);
      return document && (await visible(document.claimReference)) ? document : null;
    },
    listByClaim: async (reference) => ((await visible(reference)) ? documents.listByClaim(reference) : []),
  };
}

function toScopedHandoffs(handoffs: HandoffRepository, scope: Kelurahan): HandoffRepository {
  const visible = (h: Handoff | null) => (h && isInScope(scope, h.kelurahan) ? h : null);
  const narrow = (query: HandoffQuery): HandoffQuery => ({
    ...query,
    kelurahanIn: (query.kelurahanIn ?? scope.kelurahan).filter((k) => scope.kelurahan.includes(k)),
  });
  return {
    ...handoffs,
    findByNumber: async (number) => visible(await handoffs.findByNumber(number)),
    findOpenFor: async (channel, userId) => visible(await handoffs.findOpenFor(channel, userId)),
    list: (query, options) => handoffs.list(narrow(query), options),
    count: (query) => handoffs.count(narrow(query)),
  };
}

/** Reports count only the scope's people (by address) and claims (by the deceased's kelurahan). */
function toScopedReports(reports: ReportQueries, scope: Kelurahan): ReportQueries {
  const field = { people: "address.kelurahan", claims: "deceased.kelurahan" } as const;
  return {
    // `$or` of the one filter keeps it whole (its own `$or` too) beside the scope's condition.
    groupCount: (collection, filter, by, options) =>
      reports.groupCount(
        collection,
        { [field[collection]]: { $in: [...scope.kelurahan] }, $or: [filter] },
        by,
        options,
      ),
  };
}

/** The services a staff member may use: scoped for a kelurahan officer, as they are for the city. */
export function toStaffServices(services: Services, staff: StaffPrincipal): Services {
  const scope = staff.scope;
  if (scope.type === "city") return services;
  const claims = toScopedClaims(services.claims, scope);
  return {
    ...services,
    people: toScopedPeople(services.people, scope),
    claims,
    claimDocuments: toScopedDocuments(services.claimDocuments, claims),
    handoffs: toScopedHandoffs(services.handoffs, scope),
    reports: toScopedReports(services.reports, scope),
  };
}
