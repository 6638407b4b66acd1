import { createTestEnv } from './test/harness';
import { handlingUnits } from './src/modules/registry/registry.table';
import { newId } from './src/platform/ids';
import { sql } from 'drizzle-orm';
process.env.LOG_LEVEL = 'warn';
const t = await createTestEnv({ logLevel: 'warn' } as never);
const unitId = newId();
await t.services.db.insert(handlingUnits).values({ id: unitId, congressId: t.congressId, name: 'u', kind: 'governmentDepartment' });
await t.services.db.execute(sql`INSERT INTO opinions (id, congress_id, tracking_code, content, public_content, category, street_id, channel, phone_enc, phone_index, phone_check, is_public, status, lead_unit_id, assigned_at, deadline_at, search_text, created_at, updated_at)
SELECT gen_random_uuid(), ${t.congressId}, 'B' || lpad(i::text, 9, '0'), 'x', 'x', 'transport', ${t.streetId}, 'form', 'x','x','x', true, 'forwarded', ${unitId}::uuid, now() - make_interval(secs => i), now(), 'a', now() - make_interval(secs => i), now() FROM generate_series(1, 2000) i`);
await t.services.db.execute(sql`INSERT INTO opinion_assignments (congress_id, opinion_id, unit_id, role, active, assigned_at) SELECT congress_id, id, lead_unit_id, 'lead', true, assigned_at FROM opinions`);
const u = await t.as('u', ['handlingUnitStaff'], { handlingUnitId: unitId });
for (const path of ['/api/v1/auth/me', '/api/v1/opinions?limit=50', '/api/v1/opinion-settings', '/api/v1/opinion-categories']) {
  for (let i = 0; i < 20; i++) await u.get(path);
  const t0 = performance.now();
  for (let i = 0; i < 200; i++) await u.get(path);
  console.log(path, ((performance.now() - t0) / 200).toFixed(2), 'ms');
}
const { findOpinions } = await import('./src/modules/opinions/queries/find-opinions');
const { readOpinionSettings } = await import('./src/modules/opinions/opinions.repository');
const me = (await u.get('/api/v1/auth/me')).json().user;
const ctx = { app: t.services, actor: { ...me, accountId: me.id }, meta: { ip: 'x', requestId: 'x' } };
let t0 = performance.now();
for (let i = 0; i < 100; i++) await findOpinions(ctx as never, { limit: 50 } as never);
console.log('findOpinions', ((performance.now() - t0) / 100).toFixed(2));
t0 = performance.now();
for (let i = 0; i < 100; i++) await readOpinionSettings(t.services.db, t.congressId);
console.log('settings', ((performance.now() - t0) / 100).toFixed(2));
t0 = performance.now();
for (let i = 0; i < 100; i++) await t.services.calendar.workingDaysAfter(t.congressId, new Date(), 3);
console.log('calendar', ((performance.now() - t0) / 100).toFixed(2));
await t.close();
