// A deputy checks themself in on the phone (the place's QR code) during the activity's check-in window
// (settings). The token of the QR code is asked only when the settings require it. A deputy who was not
// invited may check in and is recorded as not invited; checking in twice is one attendance (the first stands).
//
// The checks, the deputy's line and the audit row are one statement (one round trip, atomic without
// BEGIN/COMMIT, as a ballot is cast): a guard reads the activity of the actor's congress with the settings
// (the token, the window) and aborts the statement with the reason when a check fails; the upsert inserts the
// line, or marks the invited deputy's line present, or leaves a line checked in before as it was (its first
// time stands). The audit row says whether the deputy was invited and had checked in before, which only the
// upsert knows: its possible rows are made (and hashed) beforehand and the statement writes the one that
// matches what the upsert answered. No row of the activity is locked: a check-in changes only its own line.
import { getTableColumns, getTableName } from 'drizzle-orm';
import { DEFAULT_CHECK_IN_WINDOW, DEFAULT_REQUIRE_CHECK_IN_TOKEN } from '@minyi/domain/activities';
import { auditRows } from '../../../platform/audit';
import { runGuarded, type Ctx, type Guard } from '../../../platform/context';
import { conflict, forbidden, invalidField, notFound, unauthorized } from '../../../platform/errors';
import { join, raw, stmt, type RowWrite, type Statement } from '../../../platform/statement';
import { ACTIVITY } from '../activities.repository';
import { activityPolicy } from '../activities.policy';

const MAX_MINUTES = 24 * 60;

/**
 * A stored setting as the settings' schema reads it (activitiesSettingsSchema, parseStoredSettings): a
 * value of the wrong type or out of range is its default.
 */
const minutesSetting = (path: string, fallback: number) =>
  `CASE WHEN jsonb_typeof(c.settings #> '${path}') = 'number'
     AND (c.settings #>> '${path}')::numeric BETWEEN 0 AND ${MAX_MINUTES}
     AND (c.settings #>> '${path}')::numeric = trunc((c.settings #>> '${path}')::numeric)
   THEN (c.settings #>> '${path}')::int ELSE ${fallback} END`;
const tokenSetting = `CASE WHEN jsonb_typeof(c.settings #> '{activities,requireCheckInToken}') = 'boolean'
   THEN (c.settings #>> '{activities,requireCheckInToken}')::boolean ELSE ${DEFAULT_REQUIRE_CHECK_IN_TOKEN} END`;

/**
 * `INSERT INTO <table> … SELECT` the one of the candidate rows (one per outcome, same columns) whose key is
 * the statement's outcome (`line.outcome`).
 */
function insertMatching(candidates: readonly { key: string; write: RowWrite }[]): Statement {
  const { table } = candidates[0].write;
  const columns = getTableColumns(table);
  const first = candidates[0].write.rows[0] as Record<string, unknown>;
  const keys = Object.keys(first).filter((k) => first[k] !== undefined);
  const names = keys.map((k) => `"${columns[k].name}"`).join(', ');
  const values = join(
    candidates.map(({ key, write }) => {
      const row = write.rows[0] as Record<string, unknown>;
      const cells = keys.map((k) => {
        const v = row[k];
        const value = v === null || v === undefined ? null : columns[k].mapToDriverValue(v);
        return stmt`${value}${raw(`::${columns[k].getSQLType()}`)}`;
      });
      return stmt`(${join(cells, ', ')}, ${key}::text)`;
    }),
    ', ',
  );
  return stmt`INSERT INTO ${raw(`"${getTableName(table)}" (${names})`)}
    SELECT ${raw(names)} FROM (VALUES ${values}) ${raw(`v (${names}, outcome)`)}
    WHERE v.outcome = (SELECT outcome FROM line)`;
}

const OUTCOMES = [
  { invited: true, alreadyCheckedIn: false },
  { invited: true, alreadyCheckedIn: true },
  { invited: false, alreadyCheckedIn: false },
  { invited: false, alreadyCheckedIn: true },
] as const;
const outcomeKey = (o: { invited: boolean; alreadyCheckedIn: boolean }) =>
  `${o.invited}.${o.alreadyCheckedIn}`;

export async function checkIn(ctx: Ctx, activityId: string, input: { token?: string }) {
  const actor = ctx.actor;
  if (!actor) throw unauthorized();
  // The role part of the policy here (a deputy, any activity of the congress); the activity is the guard's.
  const role = activityPolicy.authorize(actor, 'checkIn', {
    congressId: actor.congressId,
    participant: false,
    invited: false,
  });
  const deputyId = actor.deputyId;
  if (!deputyId) throw forbidden();
  const now = new Date();
  const token = input.token || null;
  const audits = OUTCOMES.map((o) => ({
    key: outcomeKey(o),
    rows: auditRows(ctx, {
      action: 'activity.checkIn',
      entityType: 'activity',
      entityId: activityId,
      congressId: actor.congressId,
      role,
      after: { deputyId, ...o },
    }),
  }));
  const guard: Guard = {
    ctes: stmt`a AS (
        SELECT a.id, a.congress_id, a.starts_at, a.ends_at, a.check_in_token,
               ${raw(tokenSetting)} AS need_token,
               ${raw(minutesSetting('{activities,checkInWindow,minutesBefore}', DEFAULT_CHECK_IN_WINDOW.minutesBefore))} AS min_before,
               ${raw(minutesSetting('{activities,checkInWindow,minutesAfter}', DEFAULT_CHECK_IN_WINDOW.minutesAfter))} AS min_after
        FROM activities a JOIN congresses c ON c.id = a.congress_id
        WHERE a.id = ${activityId} AND a.congress_id = ${actor.congressId}),
      checked AS (
        SELECT CASE
          WHEN a.id IS NULL THEN minyi_refuse('not_found')
          WHEN a.need_token AND ${token}::text IS NULL THEN minyi_refuse('token_required')
          WHEN a.need_token AND ${token}::text IS DISTINCT FROM a.check_in_token
            THEN minyi_refuse('token_invalid')
          WHEN ${now}::timestamptz < a.starts_at - a.min_before * interval '1 minute'
            OR ${now}::timestamptz > a.ends_at + a.min_after * interval '1 minute'
            THEN minyi_refuse('outside_window.' || a.min_before || '.' || a.min_after)
          ELSE true END AS ok, a.id, a.congress_id
        FROM (SELECT 1) one LEFT JOIN a ON true),
      line AS (
        INSERT INTO activity_participants AS p (congress_id, activity_id, deputy_id, attended_at, attended_via)
        SELECT checked.congress_id, checked.id, ${deputyId}::uuid, ${now}::timestamptz, 'checkIn' FROM checked
        WHERE checked.ok
        ON CONFLICT (activity_id, deputy_id) DO UPDATE SET
          attended_at = coalesce(p.attended_at, excluded.attended_at),
          attended_via = coalesce(p.attended_via, excluded.attended_via)
        RETURNING p.attended_at, p.invited,
          p.invited::text || '.' || (p.attended_at <> ${now}::timestamptz)::text AS outcome),
      audited AS (${insertMatching(audits.map((a) => ({ key: a.key, write: a.rows[0] })))}),
      unsealed AS (${insertMatching(audits.map((a) => ({ key: a.key, write: a.rows[1] })))})`,
    check: stmt`SELECT attended_at, invited, outcome FROM line`,
    refusal(code) {
      if (code === 'not_found') return notFound(ACTIVITY);
      if (code === 'token_required')
        return invalidField(
          'token',
          '请扫描活动地点的二维码签到',
          'scan the QR code at the place to check in',
          'required',
        );
      if (code === 'token_invalid')
        return invalidField('token', '二维码不是本次活动的', 'the QR code is not this activity’s', 'invalid');
      if (code.startsWith('outside_window.')) {
        const [before, after] = code.slice('outside_window.'.length).split('.').map(Number);
        return conflict('outside_window', {
          zh: `只能在活动开始前${before}分钟至结束${after ? `后${after}分钟` : ''}之间签到`,
          en: `Check-in is open from ${before} minutes before the start to ${after} minutes after the end`,
        });
      }
      return undefined;
    },
  };
  const [line] = await runGuarded(ctx.app.database, stmt`WITH ${guard.ctes} ${guard.check}`, guard);
  const attendedAt = new Date(line.attended_at as string | Date);
  return {
    attendedAt,
    invited: line.invited as boolean,
    alreadyCheckedIn: (line.outcome as string).endsWith('.true'),
  };
}
