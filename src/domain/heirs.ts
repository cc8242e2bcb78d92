/**
 * Who may claim a participant's death benefits, and in which order (DOMAIN §3.1, PP 44/2015
 * Art. 37, Permenaker 1/2025): 1) widow, widower or child; 2) straight-line blood relatives to the
 * second degree; 3) siblings; 4) parents-in-law; 5) a person named in a notarial will. Without any
 * of them the burial money goes to whoever arranged the funeral.
 */
export const relationships = [
  "spouse",
  "child",
  "parent",
  "grandparent",
  "grandchild",
  "sibling",
  "parentInLaw",
  "willNamed",
  "other",
] as const;
export type Relationship = (typeof relationships)[number];

/** The groups of the order, closest first. */
export const heirGroups = [
  "spouseOrChild",
  "bloodLine",
  "sibling",
  "parentInLaw",
  "will",
  "funeral",
] as const;
export type HeirGroup = (typeof heirGroups)[number];

const groupOf: Record<Relationship, HeirGroup> = {
  spouse: "spouseOrChild",
  child: "spouseOrChild",
  parent: "bloodLine",
  grandparent: "bloodLine",
  grandchild: "bloodLine",
  sibling: "sibling",
  parentInLaw: "parentInLaw",
  willNamed: "will",
  other: "funeral",
};

/** 1 for spouse/child … 6 for someone who only arranged the funeral. */
export function heirRank(relationship: Relationship): number {
  return heirGroups.indexOf(groupOf[relationship]) + 1;
}

export function toHeirGroup(relationship: Relationship): HeirGroup {
  return groupOf[relationship];
}

/** The groups that come before this relationship (closest first); the will group is never asked about. */
export function groupsBefore(relationship: Relationship): HeirGroup[] {
  return heirGroups.slice(0, heirRank(relationship) - 1).filter((g) => g !== "will");
}

export type HeirStanding =
  /** First in line (or the closest living group): this person should claim. */
  | { type: "entitled"; group: HeirGroup }
  /** Someone closer is alive: they should claim; this person can still report and help. */
  | { type: "someoneCloser"; closer: HeirGroup; group: HeirGroup };

/**
 * Where the reporter stands. `closestLiving` is the closest group the reporter says is alive,
 * or undefined when none of the groups before theirs is.
 */
export function heirStanding(relationship: Relationship, closestLiving: HeirGroup | undefined): HeirStanding {
  const group = groupOf[relationship];
  if (closestLiving && heirGroups.indexOf(closestLiving) < heirGroups.indexOf(group))
    return { type: "someoneCloser", closer: closestLiving, group };
  return { type: "entitled", group };
}
