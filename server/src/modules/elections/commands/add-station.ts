// Adds a polling station (投票站) or a mobile ballot box (流动票箱) to a district; names unique in the district.
import { and, eq } from 'drizzle-orm';
import type { StationKind } from '@minyi/domain/elections';
import type { Ctx } from '../../../platform/context';
import { conflict } from '../../../platform/errors';
import { newId } from '../../../platform/ids';
import { step } from '../../../platform/step';
import { electionPollingStations } from '../elections.table';
import { electionDistrictPolicy } from '../elections.policy';
import { loadDistrictStep } from '../elections.repository';

export function addStation(
  ctx: Ctx,
  electionId: string,
  districtId: string,
  input: { name: string; kind: StationKind },
) {
  return step(ctx, {
    policy: electionDistrictPolicy,
    action: 'addStation',
    load: (w, actor) => loadDistrictStep(w, actor, electionId, districtId),
    async write({ w, row: { district } }) {
      const [same] = await w.db
        .select({ id: electionPollingStations.id })
        .from(electionPollingStations)
        .where(
          and(
            eq(electionPollingStations.districtId, district.id),
            eq(electionPollingStations.name, input.name),
          ),
        );
      if (same)
        throw conflict('station_exists', {
          zh: `该选区已有“${input.name}”`,
          en: `The district already has "${input.name}"`,
        });
      const row = {
        id: newId(),
        congressId: district.congressId,
        electionId: district.electionId,
        districtId: district.id,
        name: input.name,
        kind: input.kind,
      };
      await w.db.insert(electionPollingStations).values(row);
      return {
        result: { id: row.id },
        audit: {
          action: 'election.addStation',
          entityType: 'electionDistrict',
          entityId: district.id,
          congressId: district.congressId,
          after: row,
        },
      };
    },
  });
}
