// The registry's legal numbers and offices, each with the article it comes from (shared/guide/LEGAL-RULES.md
// §1–§3). None varies by local practice, so none is a setting.
import type { CommitteeBody, CommitteePosition, CongressLevel } from '.';

export const REGISTRY_RULES = {
  /** An electoral district (选区) elects one to three deputies: "选区的大小，按照每一选区选一名至三名代表划分"
   * (选举法 2020 Art. 25). */
  electoralDistrictMinSeats: 1,
  electoralDistrictMaxSeats: 3,
} as const;

/**
 * Levels whose standing committee has a secretary-general (秘书长). Province and city (设区的市) standing
 * committees are the chair, vice-chairs, the secretary-general and members; a county or district
 * (市辖区) one is the chair, vice-chairs and members only (地方组织法 2022 Art. 47); the national one has a
 * secretary-general too (全国人大组织法). A township congress has no standing committee at all.
 */
export const LEVELS_WITH_SECRETARY_GENERAL: readonly CongressLevel[] = ['national', 'province', 'city'];

export const hasSecretaryGeneral = (level: CongressLevel): boolean =>
  LEVELS_WITH_SECRETARY_GENERAL.includes(level);

/**
 * Who sits in the chairpersons' meeting (主任会议): the chair and vice-chairs of the standing committee, and
 * its secretary-general where there is one (地方组织法 Art. 54 ¶1: "主任、副主任和秘书长组成主任会议" for
 * province and city; "主任、副主任组成主任会议" for county and district). Computed from the standing
 * committee's offices, never appointed apart.
 */
export function chairpersonsMeetingPositions(level: CongressLevel): CommitteePosition[] {
  return hasSecretaryGeneral(level) ? ['chair', 'viceChair', 'secretaryGeneral'] : ['chair', 'viceChair'];
}

/**
 * The offices a member may hold in a body at a congress of this level: the standing committee's are those
 * of Art. 47 (a secretary-general only where the level has one); a working committee has its director
 * (主任), vice-directors (副主任, stored as viceChair) and members. The chairpersons' meeting has none of its
 * own: its membership follows from the standing committee (chairpersonsMeetingPositions).
 */
export function committeePositions(level: CongressLevel, body: CommitteeBody): CommitteePosition[] {
  switch (body) {
    case 'standingCommittee':
      return hasSecretaryGeneral(level)
        ? ['chair', 'viceChair', 'secretaryGeneral', 'member']
        : ['chair', 'viceChair', 'member'];
    case 'workingCommittee':
      return ['director', 'viceChair', 'member'];
    case 'chairpersonsMeeting':
      return [];
  }
}
