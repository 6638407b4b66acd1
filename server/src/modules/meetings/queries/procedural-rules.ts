// The rules register (议事规则与工作制度): the list (staff and leaders every rule, the public the published ones)
// with each rule's current version, and one rule with its whole version history and the meetings that adopted it.
import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../../../db/client';
import { notFound } from '../../../platform/errors';
import { meetingAgendaItems, meetings, proceduralRules, proceduralRuleVersions } from '../meetings.table';

const RULE = { zh: '制度', en: 'rule' };

export async function findProceduralRules(db: Db, congressId: string, publishedOnly: boolean) {
  const items = await db
    .select({
      id: proceduralRules.id,
      title: proceduralRules.title,
      body: proceduralRules.body,
      kind: proceduralRules.kind,
      published: proceduralRules.published,
      currentVersion: proceduralRules.currentVersion,
      adoptedOn: proceduralRuleVersions.adoptedOn,
    })
    .from(proceduralRules)
    .innerJoin(
      proceduralRuleVersions,
      and(
        eq(proceduralRuleVersions.ruleId, proceduralRules.id),
        eq(proceduralRuleVersions.version, proceduralRules.currentVersion),
      ),
    )
    .where(
      and(
        eq(proceduralRules.congressId, congressId),
        publishedOnly ? eq(proceduralRules.published, true) : undefined,
      ),
    )
    .orderBy(
      // The congress's rules first, then the standing committee's, then the chairpersons' meeting's.
      sql`array_position(ARRAY['congress','standingCommittee','chairpersonsMeeting'], ${proceduralRules.body})`,
      asc(proceduralRules.kind),
      asc(proceduralRules.title),
    );
  return { items };
}

export async function getProceduralRule(db: Db, congressId: string, id: string, publishedOnly: boolean) {
  const [rule] = await db
    .select({
      id: proceduralRules.id,
      title: proceduralRules.title,
      body: proceduralRules.body,
      kind: proceduralRules.kind,
      published: proceduralRules.published,
      currentVersion: proceduralRules.currentVersion,
    })
    .from(proceduralRules)
    .where(and(eq(proceduralRules.id, id), eq(proceduralRules.congressId, congressId)));
  // An unpublished rule is as absent as an unknown one to the public.
  if (!rule || (publishedOnly && !rule.published)) throw notFound(RULE);
  const versions = await db
    .select({
      version: proceduralRuleVersions.version,
      adoptedOn: proceduralRuleVersions.adoptedOn,
      content: proceduralRuleVersions.content,
      note: proceduralRuleVersions.note,
      meetingId: proceduralRuleVersions.meetingId,
      meetingTitle: meetings.title,
      meetingNumber: meetings.number,
      agendaItemTitle: meetingAgendaItems.title,
    })
    .from(proceduralRuleVersions)
    .leftJoin(meetings, eq(meetings.id, proceduralRuleVersions.meetingId))
    .leftJoin(meetingAgendaItems, eq(meetingAgendaItems.id, proceduralRuleVersions.agendaItemId))
    .where(eq(proceduralRuleVersions.ruleId, id))
    .orderBy(desc(proceduralRuleVersions.version));
  return { ...rule, versions };
}
