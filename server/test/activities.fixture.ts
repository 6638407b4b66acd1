// Test fixtures of the activities module (used by its tests only): a term, district deputies with mandates
// (one also a city deputy), a liaison place in the test street, a handling unit, and signed-in clients for
// staff, a leader and deputies.
import { newId } from '../src/platform/ids';
import { deputies, handlingUnits, liaisonPlaces, mandates, terms } from './tables';
import type { TestClient, TestEnv } from './harness';
import { memberClient } from './meetings.fixture';

export interface ActivitiesWorld {
  termId: string;
  deputyIds: string[];
  placeId: string;
  unitId: string;
  staff: TestClient;
  leader: TestClient;
  /** Signed-in clients of the first three deputies. */
  deputy: TestClient[];
}

export async function buildActivitiesWorld(t: TestEnv, count = 6): Promise<ActivitiesWorld> {
  const db = t.services.db;
  const { congressId, streetId } = t;
  const termId = newId();
  await db.insert(terms).values({
    id: termId,
    congressId,
    number: 7,
    startDate: '2026-01-10',
    endDate: '2031-01-09',
    isCurrent: true,
  });
  const deputyIds = Array.from({ length: count }, () => newId());
  await db.insert(deputies).values(
    deputyIds.map((id, i) => ({
      id,
      congressId,
      name: `代表${String(i + 1).padStart(2, '0')}`,
      gender: i % 2 ? ('male' as const) : ('female' as const),
    })),
  );
  await db.insert(mandates).values([
    ...deputyIds.map((deputyId) => ({
      id: newId(),
      congressId,
      deputyId,
      level: 'district' as const,
      termId,
      streetId,
      startedOn: '2026-01-10',
    })),
    { id: newId(), congressId, deputyId: deputyIds[1], level: 'city' as const, streetId },
  ]);
  const placeId = newId();
  await db.insert(liaisonPlaces).values({
    id: placeId,
    congressId,
    kind: 'station',
    name: '东湖社区代表联络站',
    streetId,
  });
  const unitId = newId();
  await db.insert(handlingUnits).values({
    id: unitId,
    congressId,
    name: '区交通运输局',
    kind: 'governmentDepartment',
    categories: ['transport'],
  });
  const staff = await t.as('act_staff', ['congressStaff']);
  const leader = await t.as('act_leader', ['leader']);
  const deputy = [];
  for (const id of deputyIds.slice(0, 3)) deputy.push(await memberClient(t, id));
  return { termId, deputyIds, placeId, unitId, staff, leader, deputy };
}

/** An ISO instant `minutes` from now. */
export const fromNow = (minutes: number) => new Date(Date.now() + minutes * 60_000).toISOString();
