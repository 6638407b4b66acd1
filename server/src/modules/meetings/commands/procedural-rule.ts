// The rules register (议事规则与工作制度): staff record a rule with its first version, revise it (a new version
// adopted on a later date becomes the current one; the old ones stay as its history), and publish it or withdraw
// it from the public. The adopting meeting, when named, must be a meeting of the body that adopts the rule.
import { and, eq } from 'drizzle-orm';
import type { CreateProceduralRule, MeetingBody, ProceduralRuleVersionInput } from '@minyi/domain/meetings';
import type { Actor, Ctx, Work } from '../../../platform/context';
import { conflict, invalidField, notFound, unauthorized } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { meetingAgendaItems, meetings, proceduralRules, proceduralRuleVersions } from '../meetings.table';
import { proceduralRulePolicy } from '../meetings.policy';

const RULE = { zh: '制度', en: 'rule' };
type RuleRow = typeof proceduralRules.$inferSelect;

async function loadRule(w: Work, actor: Actor, id: string) {
  const [row] = await w.db
    .select()
    .from(proceduralRules)
    .where(and(eq(proceduralRules.id, id), eq(proceduralRules.congressId, actor.congressId)))
    .for('update');
  if (!row) throw notFound(RULE);
  return { row, resource: { congressId: row.congressId } };
}

/** The adopting meeting and agenda item, checked: of this congress, of the adopting body, the item of that meeting. */
async function checkAdoption(w: Work, congressId: string, body: MeetingBody, v: ProceduralRuleVersionInput) {
  if (v.agendaItemId && !v.meetingId)
    throw invalidField(
      'agendaItemId',
      '须同时指明会议',
      'needs the meeting (meetingId) too',
      'needs_meeting',
    );
  if (!v.meetingId) return;
  const [m] = await w.db
    .select({ body: meetings.body })
    .from(meetings)
    .where(and(eq(meetings.id, v.meetingId), eq(meetings.congressId, congressId)));
  if (!m) throw invalidField('meetingId', '会议不存在', 'is not a meeting of this congress', 'not_found');
  if (m.body !== body)
    throw invalidField(
      'meetingId',
      '该会议不是制定机关的会议',
      'is not a meeting of the body that adopts the rule',
      'wrong_body',
    );
  if (v.agendaItemId) {
    const [item] = await w.db
      .select({ id: meetingAgendaItems.id })
      .from(meetingAgendaItems)
      .where(and(eq(meetingAgendaItems.id, v.agendaItemId), eq(meetingAgendaItems.meetingId, v.meetingId)));
    if (!item)
      throw invalidField(
        'agendaItemId',
        '不是该会议的议程',
        'is not an agenda item of that meeting',
        'not_found',
      );
  }
}

const versionRow = (congressId: string, ruleId: string, version: number, v: ProceduralRuleVersionInput) => ({
  congressId,
  ruleId,
  version,
  adoptedOn: v.adoptedOn,
  content: v.content,
  note: v.note,
  meetingId: v.meetingId ?? null,
  agendaItemId: v.agendaItemId ?? null,
});

export function createProceduralRule(ctx: Ctx, input: CreateProceduralRule) {
  if (!ctx.actor) throw unauthorized();
  return step(ctx, {
    policy: proceduralRulePolicy,
    action: 'create',
    load: async (_w, a) => ({ row: null, resource: { congressId: a.congressId } }),
    async write({ w, actor }) {
      const congressId = actor.congressId;
      const [taken] = await w.db
        .select({ id: proceduralRules.id })
        .from(proceduralRules)
        .where(and(eq(proceduralRules.congressId, congressId), eq(proceduralRules.title, input.title)));
      if (taken)
        throw invalidField(
          'title',
          '已有同名制度，请修订该制度',
          'a rule with this title exists: revise it',
          'taken',
        );
      await checkAdoption(w, congressId, input.body, input);
      const id = newId();
      const rule = { id, congressId, title: input.title, body: input.body, kind: input.kind };
      await w.db.insert(proceduralRules).values(rule);
      const version = versionRow(congressId, id, 1, input);
      await w.db.insert(proceduralRuleVersions).values(version);
      return {
        result: { id },
        audit: {
          action: 'proceduralRule.create',
          entityType: 'proceduralRule',
          entityId: id,
          congressId,
          after: { ...rule, version: 1, adoptedOn: input.adoptedOn, meetingId: version.meetingId },
        },
      };
    },
  });
}

/** A revision: the new version, adopted after the current one, becomes current. */
export function reviseProceduralRule(ctx: Ctx, id: string, input: ProceduralRuleVersionInput) {
  return step<RuleRow, { congressId: string }, { version: number }>(ctx, {
    policy: proceduralRulePolicy,
    action: 'revise',
    load: (w, a) => loadRule(w, a, id),
    async write({ w, row }) {
      const [current] = await w.db
        .select({ adoptedOn: proceduralRuleVersions.adoptedOn })
        .from(proceduralRuleVersions)
        .where(
          and(eq(proceduralRuleVersions.ruleId, id), eq(proceduralRuleVersions.version, row.currentVersion)),
        );
      if (current && input.adoptedOn <= current.adoptedOn)
        throw invalidField(
          'adoptedOn',
          `修订日期须晚于现行版本的通过日期（${current.adoptedOn}）`,
          `must be after the current version's adoption (${current.adoptedOn})`,
          'not_after_current',
        );
      await checkAdoption(w, row.congressId, row.body, input);
      const version = row.currentVersion + 1;
      await w.db.insert(proceduralRuleVersions).values(versionRow(row.congressId, id, version, input));
      await w.db.update(proceduralRules).set({ currentVersion: version }).where(eq(proceduralRules.id, id));
      return {
        result: { version },
        audit: {
          action: 'proceduralRule.revise',
          entityType: 'proceduralRule',
          entityId: id,
          congressId: row.congressId,
          before: { version: row.currentVersion },
          after: {
            version,
            adoptedOn: input.adoptedOn,
            note: input.note,
            meetingId: input.meetingId ?? null,
          },
        },
      };
    },
  });
}

/** Publish (the public reads it and its history) or withdraw from the public; the same state twice is a 409. */
export function publishProceduralRule(ctx: Ctx, id: string, published: boolean) {
  return step<RuleRow, { congressId: string }, { published: boolean }>(ctx, {
    policy: proceduralRulePolicy,
    action: 'publish',
    load: (w, a) => loadRule(w, a, id),
    async write({ w, row }) {
      if (row.published === published)
        throw conflict(published ? 'already_published' : 'not_published', {
          zh: published ? '该制度已公开' : '该制度未公开',
          en: published ? 'The rule is already published' : 'The rule is not published',
        });
      await w.db
        .update(proceduralRules)
        .set({ published, publishedAt: published ? new Date() : null })
        .where(eq(proceduralRules.id, id));
      return {
        result: { published },
        audit: {
          action: published ? 'proceduralRule.publish' : 'proceduralRule.unpublish',
          entityType: 'proceduralRule',
          entityId: id,
          congressId: row.congressId,
          before: { published: row.published },
          after: { published },
        },
      };
    },
  });
}
