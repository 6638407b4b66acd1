// The demo's shapes, shared by the loader (demo.ts) and the module registration (module.ts): a leaf, so the
// two do not import each other.
export interface DemoAccount {
  username: string;
  role: string;
}

export interface DemoSummary {
  congressId: string;
  accounts: DemoAccount[];
  /** Sizes of what was loaded, for the start banner and tests. */
  counts?: Record<string, number>;
}

/** What the district's module and the platform share with each module's demo seed, so modules build on the same district. */
export interface DemoContext {
  congressId: string;
  /** The city congress whose deputies live in the district (for multi-mandate deputies). */
  cityCongressId: string;
  districtId: string;
  /** 11 streets, each with its communities. */
  streets: { id: string; name: string; communityIds: string[] }[];
  currentTermId: string;
  /** The term's sittings; the latest is the one in session or most recent. */
  sittings: { id: string; number: number; status: 'planned' | 'inSession' | 'closed' }[];
  /** Active district deputies (about 400). */
  deputyIds: string[];
  /** The 35 standing-committee members (deputy ids). */
  standingCommitteeDeputyIds: string[];
  handlingUnits: { id: string; name: string; kind: string; categories: string[]; streetId: string | null }[];
  liaisonPlaces: { id: string; kind: 'home' | 'station' | 'point'; streetId: string; deputyIds: string[] }[];
  workingCommittees: {
    id: string;
    kind: 'workingCommittee' | 'streetWorkingCommittee';
    name: string;
    streetId: string | null;
  }[];
  /** The demo accounts by username (citizen, deputy, member, liaison, unit, staff, leader, sysadmin, secadmin, auditor). */
  accounts: Record<string, { accountId: string; deputyId?: string; handlingUnitId?: string }>;
  /** A deterministic random generator: the same seed gives the same district. */
  random: () => number;
  /** Fixed "now" of the demo, so dates are reproducible relative to the start day. */
  now: Date;
}

/** What the platform hands the district's module: the congresses it made, the generator, the demo's day. */
export interface DemoBase {
  congressId: string;
  cityCongressId: string;
  /** The demo's generator: the district is laid out first, so it draws the first numbers. */
  random: () => number;
  /** The demo's day in Shanghai (YYYY-MM-DD). */
  today: string;
}

/** What the district's module laid out: the shared context, and what the platform's rows point at. */
export type DemoDistrict = Omit<
  DemoContext,
  'congressId' | 'cityCongressId' | 'accounts' | 'random' | 'now'
> & {
  /** The jurisdiction of the city congress (the district congress's is `districtId`). */
  cityJurisdictionId: string;
  /** The deputy the `deputy` demo account belongs to. */
  accountDeputy: { id: string; name: string };
  /** The standing committee's chair, whom the `leader` demo account is linked to. */
  chairDeputy: { id: string; name: string };
  /** An ordinary member of the standing committee: the `member` demo account. */
  memberDeputy: { id: string; name: string };
  /** Sizes of what was laid out, for the start banner, the audit row and tests. */
  counts: Record<string, number>;
};
