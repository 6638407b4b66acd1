// Handling units, liaison places and the congress structure: jurisdictions, sittings, terms, electoral
// districts, working committees and committee members, all audited.
import { beforeAll, describe, expect, it } from 'vitest';
import { type TestClient, type TestEnv } from '../../../test/harness';
import { useRegistryDemo } from '../../../test/registry.fixture';

const env = useRegistryDemo();
const { auditsOf, firstStreet } = env;
let t: TestEnv;
let as: Record<string, TestClient>;
beforeAll(() => {
  ({ t, as } = env);
});

describe('handling units, liaison places and the congress structure', () => {
  it('creates and edits a handling unit, audited', async () => {
    const r = await as.staff.post('/api/v1/handling-units', {
      name: '区数据局',
      kind: 'governmentDepartment',
      categories: ['science'],
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    expect(r.json()).toMatchObject({
      name: '区数据局',
      categories: ['science'],
      active: true,
      abilities: { edit: true },
    });
    expect(
      (await as.staff.post('/api/v1/handling-units', { name: '区数据局', kind: 'other' })).statusCode,
    ).toBe(409);
    expect(
      (
        await as.staff.post('/api/v1/handling-units', { name: 'x', kind: 'other', categories: ['space'] })
      ).json().errors[0].field,
    ).toBe('categories.0');
    const p = await as.staff.patch(`/api/v1/handling-units/${id}`, { active: false, contactName: '李四' });
    expect(p.json()).toMatchObject({ active: false, contactName: '李四' });
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['handlingUnit.create', 'handlingUnit.edit']);
    const list = (await as.leader.get('/api/v1/handling-units?category=transport&limit=200')).json().items;
    expect(list.length).toBeGreaterThan(0);
    expect(list.every((u: { categories: string[] }) => u.categories.includes('transport'))).toBe(true);
  });

  it('creates a liaison place, assigns deputies and refuses unknown ones', async () => {
    const street = await firstStreet();
    expect(
      (
        await as.staff.post('/api/v1/liaison-places', {
          kind: 'station',
          name: '错站',
          streetId: street.id,
          sector: '绿色',
        })
      ).json().errors[0].field,
    ).toBe('sector');
    const r = await as.staff.post('/api/v1/liaison-places', {
      kind: 'point',
      name: '新产业联系点',
      sector: '人工智能',
      streetId: street.id,
      openingHours: '周四下午',
    });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    const some = (await t.anon.get('/api/v1/public/deputies?limit=3'))
      .json()
      .items.map((d: { id: string }) => d.id);
    const put = await as.staff.put(`/api/v1/liaison-places/${id}/deputies`, { deputyIds: some });
    expect(put.statusCode).toBe(200);
    expect(put.json().deputies).toHaveLength(3);
    const bad = await as.staff.put(`/api/v1/liaison-places/${id}/deputies`, {
      deputyIds: [some[0], '00000000-0000-7000-8000-000000000000'],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('deputyIds.1');
    expect((await as.staff.get(`/api/v1/liaison-places/${id}`)).json().deputies).toHaveLength(3);
    expect((await auditsOf(id)).map((a) => a.action)).toEqual([
      'liaisonPlace.create',
      'liaisonPlace.assignDeputies',
    ]);
  });

  it('adds a community under a street and refuses a level that skips', async () => {
    const street = await firstStreet();
    const r = await as.staff.post('/api/v1/jurisdictions', {
      parentId: street.id,
      level: 'community',
      name: '新建社区',
      nameEn: 'New Community',
    });
    expect(r.statusCode).toBe(201);
    expect(r.json()).toMatchObject({ parentId: street.id, level: 'community' });
    expect(
      (
        await as.staff.post('/api/v1/jurisdictions', { parentId: street.id, level: 'street', name: 'x' })
      ).json().errors[0].field,
    ).toBe('level');
    expect(
      (await as.staff.patch(`/api/v1/jurisdictions/${r.json().id}`, { name: '新建二社区' })).json().name,
    ).toBe('新建二社区');
  });

  it('opens one sitting at a time and closes it once', async () => {
    const term = (await as.staff.get('/api/v1/terms'))
      .json()
      .items.find((x: { isCurrent: boolean }) => x.isCurrent);
    const current = (await as.staff.get('/api/v1/sittings'))
      .json()
      .items.find((s: { status: string }) => s.status === 'inSession');
    const created = await as.staff.post('/api/v1/sittings', {
      termId: term.id,
      number: 3,
      startDate: '2027-01-10',
      endDate: '2027-01-13',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().id;
    expect(
      (
        await as.staff.post('/api/v1/sittings', {
          termId: term.id,
          number: 3,
          startDate: '2027-01-10',
          endDate: '2027-01-13',
        })
      ).statusCode,
    ).toBe(409);
    expect((await as.staff.post(`/api/v1/sittings/${id}/open`)).json().code).toBe('sitting_in_session');
    expect((await as.staff.post(`/api/v1/sittings/${current.id}/close`)).json().status).toBe('closed');
    expect((await as.staff.post(`/api/v1/sittings/${current.id}/close`)).statusCode).toBe(409);
    expect((await as.staff.post(`/api/v1/sittings/${id}/open`)).json().status).toBe('inSession');
    expect((await t.anon.get('/api/v1/public/congress')).json().currentSitting).toMatchObject({
      id,
      number: 3,
      status: 'inSession',
    });
    expect((await auditsOf(id)).map((a) => a.action)).toEqual(['sitting.create', 'sitting.open']);
  });

  it('keeps terms, electoral districts, working committees and committee members', async () => {
    const t9 = await as.staff.post('/api/v1/terms', {
      number: 8,
      startDate: '2031-01-10',
      endDate: '2036-01-09',
    });
    expect(t9.statusCode).toBe(201);
    expect(
      (await as.staff.post('/api/v1/terms', { number: 8, startDate: '2031-01-10', endDate: '2036-01-09' }))
        .statusCode,
    ).toBe(409);
    expect(
      (
        await as.staff.post('/api/v1/terms', { number: 10, startDate: '2031-01-10', endDate: '2030-01-09' })
      ).json().errors[0].field,
    ).toBe('endDate');
    expect(
      (await as.staff.post(`/api/v1/terms/${t9.json().id}/edit`, { endDate: '2036-02-01' })).json().endDate,
    ).toBe('2036-02-01');

    const street = await firstStreet();
    const ed = await as.staff.post('/api/v1/electoral-districts', {
      streetId: street.id,
      name: '新设第1选区',
      seats: 3,
    });
    expect(ed.statusCode).toBe(201);
    expect(
      (await as.staff.patch(`/api/v1/electoral-districts/${ed.json().id}`, { seats: 2 })).json().seats,
    ).toBe(2);
    expect(
      (
        await as.staff.post('/api/v1/electoral-districts', { streetId: street.id, name: 'x', seats: 0 })
      ).json().errors[0].field,
    ).toBe('seats');

    const wc = await as.staff.post('/api/v1/working-committees', {
      kind: 'workingCommittee',
      name: '预算工作委员会',
    });
    expect(wc.statusCode).toBe(201);
    expect(
      (
        await as.staff.post('/api/v1/working-committees', { kind: 'streetWorkingCommittee', name: 'x' })
      ).json().errors[0].field,
    ).toBe('streetId');

    const sc = (await as.leader.get('/api/v1/committee-members?body=standingCommittee')).json().items;
    expect(sc).toHaveLength(35);
    expect(sc[0].position).toBe('chair');
    const deputyId = (await t.anon.get('/api/v1/public/deputies?limit=1')).json().items[0].id;
    const m = await as.staff.post('/api/v1/committee-members', {
      body: 'workingCommittee',
      workingCommitteeId: wc.json().id,
      deputyId,
      position: 'director',
      startedOn: '2026-01-01',
    });
    expect(m.statusCode).toBe(201);
    expect(m.json()).toMatchObject({ position: 'director', deputy: { id: deputyId } });
    expect(
      (
        await as.staff.post('/api/v1/committee-members', {
          body: 'workingCommittee',
          workingCommitteeId: wc.json().id,
          deputyId,
        })
      ).statusCode,
    ).toBe(409);
    expect(
      (await as.staff.post(`/api/v1/committee-members/${m.json().id}/end`, { endedOn: '2025-01-01' })).json()
        .errors[0].field,
    ).toBe('endedOn');
    expect(
      (await as.staff.post(`/api/v1/committee-members/${m.json().id}/end`, { endedOn: '2026-06-01' })).json()
        .endedOn,
    ).toBe('2026-06-01');
    expect(
      (await as.staff.post(`/api/v1/committee-members/${m.json().id}/end`, { endedOn: '2026-06-02' }))
        .statusCode,
    ).toBe(409);
    expect((await auditsOf(m.json().id)).map((a) => a.action)).toEqual([
      'committeeMember.add',
      'committeeMember.end',
    ]);
  });
});
