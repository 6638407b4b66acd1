// What the registry's demo seed hands to each module's demo seed, so modules build on the same district.
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
  /** The demo accounts by username (citizen, deputy, liaison, unit, staff, leader, sysadmin, secadmin, auditor). */
  accounts: Record<string, { accountId: string; deputyId?: string; handlingUnitId?: string }>;
  /** A deterministic random generator: the same seed gives the same district. */
  random: () => number;
  /** Fixed "now" of the demo, so dates are reproducible relative to the start day. */
  now: Date;
}
